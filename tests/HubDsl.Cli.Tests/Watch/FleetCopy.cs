using System.Threading;
using System.Threading.Tasks;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;

namespace HubDsl.Cli.Tests.Watch;

/// <summary>
/// A copy of examples/AgentFleet's project and sources in a temporary folder (its committed YAML left out),
/// referencing this repository's HubDsl projects by absolute path and building in the test run's configuration
/// (a Directory.Build.props beside it), so that <c>hubdsl watch</c> and <c>dotnet build</c> see the same project.
/// </summary>
internal sealed class FleetCopy : IDisposable
{
    // The chart's own files, copied in as the user's: a tree of outputs leaves them out while they are unchanged.
    private readonly Dictionary<string, byte[]> _chartFiles = new(StringComparer.Ordinal);

    private FleetCopy(string root) => Root = root;

    public string Root { get; }

    public string ProjectFile => System.IO.Path.Combine(Root, "AgentFleet.csproj");

    public static FleetCopy Create(string name)
    {
        var source = System.IO.Path.Combine(RepositoryRoot(), "examples", "AgentFleet");
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hubdsl-watch-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var copy = new FleetCopy(root);
        foreach (var file in Directory.GetFiles(source, "*.cs")) File.Copy(file, System.IO.Path.Combine(root, System.IO.Path.GetFileName(file)));
        // The chart AgentValues is typed from ([ChartValues("helm")]): its own files, not the values files the build writes.
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(source, "helm"), "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(source, file);
            if (System.IO.Path.GetFileName(file).StartsWith("values-", StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.Combine(root, relative))!);
            File.Copy(file, System.IO.Path.Combine(root, relative));
            copy._chartFiles[relative.Replace('\\', '/')] = File.ReadAllBytes(file);
        }

        var local = System.IO.Path.Combine(RepositoryRoot(), "src", "HubDsl", "build", "HubDsl.Local.props");
        var project = File.ReadAllText(System.IO.Path.Combine(source, "AgentFleet.csproj")).Replace(@"..\..\src\HubDsl\build\HubDsl.Local.props", local, StringComparison.Ordinal);
        Assert.Contains(local, project, StringComparison.Ordinal);
        File.WriteAllText(System.IO.Path.Combine(root, "AgentFleet.csproj"), project);
        File.WriteAllText(System.IO.Path.Combine(root, "Directory.Build.props"), "<Project><PropertyGroup><Configuration Condition=\"'$(Configuration)' == ''\">" + Configuration + "</Configuration></PropertyGroup></Project>\n");
        return copy;
    }

    /// <summary>Another copy with the same sources (and project file) as this one, and no outputs.</summary>
    public FleetCopy Twin(string name)
    {
        var twin = Create(name);
        foreach (var file in Directory.GetFiles(Root, "*.cs")) File.Copy(file, twin.Path(System.IO.Path.GetFileName(file)), overwrite: true);
        File.Copy(ProjectFile, twin.ProjectFile, overwrite: true);
        return twin;
    }

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public string Read(string relative) => File.ReadAllText(Path(relative));

    /// <summary>Replaces text in a source (which must contain it) and saves it; returns the file's full path.</summary>
    public string Edit(string file, string before, string after)
    {
        var text = Read(file);
        Assert.Contains(before, text, StringComparison.Ordinal);
        File.WriteAllText(Path(file), text.Replace(before, after, StringComparison.Ordinal));
        return Path(file);
    }

    /// <summary>Runs <c>dotnet build</c> (with restore) of the copy; fails the test with its output when it fails.</summary>
    public string Build(bool expectSuccess = true)
    {
        var (code, output) = Dotnet(Root, "build", ProjectFile, "-nologo", "-v:q", "-clp:NoSummary");
        if (expectSuccess) Assert.True(code == 0, "dotnet build failed:\n" + output);
        else Assert.True(code != 0, "dotnet build succeeded but should have failed:\n" + output);
        return output;
    }

    /// <summary>
    /// Every file the build and watch may write (everything but sources, the project, obj/ and bin/, and the chart's
    /// own files while they are as copied), with its bytes.
    /// </summary>
    public SortedDictionary<string, byte[]> Tree()
    {
        var tree = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal)) continue;
            if (relative.EndsWith(".cs", StringComparison.Ordinal) || relative.EndsWith(".csproj", StringComparison.Ordinal) || relative == "Directory.Build.props") continue;
            var bytes = File.ReadAllBytes(file);
            if (_chartFiles.TryGetValue(relative, out var copied) && copied.AsSpan().SequenceEqual(bytes)) continue;
            tree[relative] = bytes;
        }

        return tree;
    }

    /// <summary>Asserts two trees hold the same files with the same bytes, naming the first difference.</summary>
    public static void AssertSameTree(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual, string what)
    {
        Assert.True(expected.Count > 5, what + ": the expected tree is nearly empty (" + string.Join(", ", expected.Keys) + ")");
        var missing = expected.Keys.Except(actual.Keys).ToList();
        var extra = actual.Keys.Except(expected.Keys).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, what + ": missing " + string.Join(", ", missing) + "; extra " + string.Join(", ", extra));
        foreach (var (path, bytes) in expected)
        {
            if (!bytes.AsSpan().SequenceEqual(actual[path])) Assert.Fail(what + ": " + path + " differs:\n--- expected\n" + Encoding.UTF8.GetString(bytes) + "\n--- actual\n" + Encoding.UTF8.GetString(actual[path]));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static (int ExitCode, string Output) Dotnet(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(600_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', arguments) + " did not finish in 10 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    public static string Configuration =>
        typeof(FleetCopy).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().First().Configuration;

    public static string RepositoryRoot([CallerFilePath] string path = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "..", "..", ".."));
}
