using HubDsl.Core.Manifests;

namespace HubDsl.Generators.Tests;

/// <summary>
/// Golden files under Snapshots/&lt;name&gt;/. HUBDSL_UPDATE_SNAPSHOTS=1 rewrites them; a missing snapshot is
/// written on a developer machine but fails under CI=true. Both the set of files and each file's text are compared.
/// An example's golden files are its committed output (examples/&lt;name&gt;, the files its build record lists), kept
/// once: its build writes them and CI's drift check guards them.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, IReadOnlyList<ManifestFile> files, [System.Runtime.CompilerServices.CallerFilePath] string caller = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(caller)!, "Snapshots", name);
        var update = Environment.GetEnvironmentVariable("HUBDSL_UPDATE_SNAPSHOTS") == "1";
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (update || (!Directory.Exists(folder) && !ci))
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            foreach (var file in files)
            {
                var path = Path.Combine(folder, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
            }

            return;
        }

        Assert.True(Directory.Exists(folder), "Snapshot '" + name + "' is missing. Run the tests with HUBDSL_UPDATE_SNAPSHOTS=1 and commit " + folder);
        var expected = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/'));
        Compare(folder, expected, files, path => "Snapshot " + name + "/" + path + " differs (HUBDSL_UPDATE_SNAPSHOTS=1 to accept)");
    }

    /// <summary>Compares with the example's committed output: the files its build record (.hubdsl/&lt;name&gt;.files) lists.</summary>
    public static void MatchExample(string example, IReadOnlyList<ManifestFile> files)
    {
        var folder = Path.Combine(GeneratorHarness.RepositoryRoot(), "examples", example);
        var record = Path.Combine(folder, ".hubdsl", example + ".files");
        Assert.True(File.Exists(record), "The example's build record " + record + " is missing: run 'dotnet build examples/" + example + "' and commit what it writes");

        // Record lines: "<sha256>  <path>", after '#' comments and the "project:" line.
        var expected = File.ReadAllLines(record)
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("project:", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf("  ", StringComparison.Ordinal) + 2)..]);
        Compare(folder, expected, files, path => "examples/" + example + "/" + path + " differs from what the generator writes (run 'dotnet build examples/" + example + "' and commit it)");
    }

    private static void Compare(string folder, IEnumerable<string> expectedPaths, IReadOnlyList<ManifestFile> files, Func<string, string> differs)
    {
        Assert.Equal(expectedPaths.OrderBy(p => p, StringComparer.Ordinal).ToList(), files.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).ToList());
        foreach (var file in files)
        {
            var golden = File.ReadAllText(Path.Combine(folder, file.Path)).Replace("\r\n", "\n");
            Assert.True(golden == file.Content, differs(file.Path) + ":\n--- expected\n" + golden + "\n--- actual\n" + file.Content);
        }
    }
}
