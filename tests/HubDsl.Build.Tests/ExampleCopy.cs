using System.Diagnostics;

namespace HubDsl.Build.Tests;

/// <summary>
/// A copy of an example in a temporary folder, wired to this repository's HubDsl build, and a way to run
/// <c>dotnet build</c> on it. The repository's own projects are not rebuilt (they were built before the tests).
/// </summary>
internal sealed class ExampleCopy : IDisposable
{
    private ExampleCopy(string root, string projectName)
    {
        Root = root;
        ProjectName = projectName;
    }

    public string Root { get; }

    public string ProjectName { get; private set; }

    public string ProjectFile => Path.Combine(Root, ProjectName + ".csproj");

    /// <summary>Copies the example into <paramref name="into"/> (default: a new temporary folder).</summary>
    public static ExampleCopy Create(string example = "AgentFleet", string? into = null)
    {
        var source = Path.Combine(RepositoryRoot(), "examples", example);
        var root = into ?? Path.Combine(Path.GetTempPath(), "hubdsl-build-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal)) continue;
            var target = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var localProps = Path.Combine(RepositoryRoot(), "src", "HubDsl", "build", "HubDsl.Local.props");
        var project = Path.Combine(root, example + ".csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(@"..\..\src\HubDsl\build\HubDsl.Local.props", localProps));
        return new ExampleCopy(root, example);
    }

    /// <summary>Renames the project file (the project's name names its output record).</summary>
    public void RenameProject(string name)
    {
        File.Move(ProjectFile, Path.Combine(Root, name + ".csproj"));
        ProjectName = name;
    }

    /// <summary>Sets HubDslOutputPath in the project file.</summary>
    public void SetOutputPath(string value) =>
        File.WriteAllText(ProjectFile, File.ReadAllText(ProjectFile).Replace("  <Import ", "  <PropertyGroup><HubDslOutputPath>" + value + "</HubDslOutputPath></PropertyGroup>\n  <Import "));

    /// <summary>Replaces text in a file, failing when it is not there (so a test cannot silently change nothing).</summary>
    public void Edit(string relative, string find, string replace)
    {
        var text = Read(relative);
        Assert.Contains(find, text);
        Write(relative, text.Replace(find, replace));
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public bool Exists(string relative) => File.Exists(Path.Combine(Root, relative));

    /// <summary>Runs dotnet build and returns its exit code and output.</summary>
    public (int ExitCode, string Output) Build(params string[] properties)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        foreach (var arg in new[] { "build", ProjectFile, "--no-dependencies", "-nologo", "-v:n", "-p:Configuration=" + Configuration })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var property in properties) start.ArgumentList.Add("-p:" + property);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build did not finish in 5 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string Configuration =>
        typeof(ExampleCopy).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().First().Configuration;

    public static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
