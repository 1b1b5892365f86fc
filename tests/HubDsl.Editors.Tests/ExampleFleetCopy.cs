namespace HubDsl.Editors.Tests;

/// <summary>
/// A copy of examples/AgentFleet's project and sources in a temporary folder, referencing this repository's HubDsl
/// projects by absolute path, restored so that a host can load it. Its generated YAML is left out: an editor
/// writes none.
/// </summary>
internal sealed class ExampleFleetCopy : IDisposable
{
    private ExampleFleetCopy(string root) => Root = root;

    public string Root { get; }

    public static ExampleFleetCopy Create()
    {
        var source = System.IO.Path.Combine(FleetWithLibrary.RepositoryRoot(), "examples", "AgentFleet");
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hubdsl-example-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(root);
        foreach (var file in Directory.GetFiles(source, "*.cs")) File.Copy(file, System.IO.Path.Combine(root, System.IO.Path.GetFileName(file)));

        // AgentValues is typed from the example's chart ([ChartValues("helm")]): its own files, not the values files the build writes.
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(source, "helm"), "*", SearchOption.AllDirectories))
        {
            if (System.IO.Path.GetFileName(file).StartsWith("values-", StringComparison.Ordinal)) continue;
            var target = System.IO.Path.Combine(root, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var local = System.IO.Path.Combine(FleetWithLibrary.RepositoryRoot(), "src", "HubDsl", "build", "HubDsl.Local.props");
        var project = File.ReadAllText(System.IO.Path.Combine(source, "AgentFleet.csproj")).Replace(@"..\..\src\HubDsl\build\HubDsl.Local.props", local, StringComparison.Ordinal);
        Assert.Contains(local, project, StringComparison.Ordinal);
        File.WriteAllText(System.IO.Path.Combine(root, "AgentFleet.csproj"), project);
        var copy = new ExampleFleetCopy(root);
        var restore = Dotnet.Run(root, "restore", "AgentFleet.csproj", "-nologo", "-v:q");
        if (restore.ExitCode != 0)
        {
            copy.Dispose();
            throw new Xunit.Sdk.XunitException("restore of the example's copy failed:\n" + restore.Output);
        }

        return copy;
    }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
