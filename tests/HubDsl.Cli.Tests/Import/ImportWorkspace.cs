using System.Threading.Tasks;
using HubDsl.Cli.Tests.Runtime;
using RuntimeCli = HubDsl.Cli.Tests.Runtime.Cli;

namespace HubDsl.Cli.Tests.Import;

/// <summary>
/// A temporary folder with an existing fleet's YAML in it, and `hubdsl import` run on it in-process, referencing this
/// repository's HubDsl build (as the example does) so the round trip builds against the code under test.
/// </summary>
internal sealed class ImportWorkspace : IDisposable
{
    public ImportWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "hubdsl-import-tests", Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Output => Path.Combine(Root, "fleet");

    public static string LocalProps => Path.Combine(TestProject.RepositoryRoot(), "src", "HubDsl", "build", "HubDsl.Local.props");

    public ImportWorkspace Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>Copies a fixture folder (under Fixtures/Import) into the workspace.</summary>
    public ImportWorkspace CopyFixture(string name)
    {
        var source = ToolRunner.Fixture(Path.Combine("Import", name));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return this;
    }

    /// <summary>Runs `hubdsl import ARGS -o fleet --hubdsl-local ...` with paths relative to the workspace.</summary>
    public Task<RunResult> ImportAsync(params string[] args) =>
        RuntimeCli.RunAsync(args.Select(a => a.StartsWith("@", StringComparison.Ordinal) ? Path.Combine(Root, a.Substring(1)) : a)
            .Concat(new[] { "-o", Output, "--hubdsl-local", LocalProps }).Prepend("import").ToArray());

    /// <summary>Every file the import wrote, by relative path.</summary>
    public Dictionary<string, string> Written() =>
        Directory.GetFiles(Output, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(Output, f).Replace('\\', '/'), File.ReadAllText);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The tests that build imported projects run one at a time: each `dotnet build` takes seconds and shares the repository's build outputs.</summary>
[CollectionDefinition(Name)]
public sealed class ImportBuildCollection
{
    public const string Name = "import builds";
}
