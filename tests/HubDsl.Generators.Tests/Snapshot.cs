using HubDsl.Core.Manifests;

namespace HubDsl.Generators.Tests;

/// <summary>
/// Golden files under Snapshots/&lt;name&gt;/. HUBDSL_UPDATE_SNAPSHOTS=1 rewrites them; a missing snapshot is
/// written on a developer machine but fails under CI=true. Both the set of files and each file's text are compared.
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
            .Select(p => Path.GetRelativePath(folder, p).Replace('\\', '/'))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, files.Select(f => f.Path).OrderBy(p => p, StringComparer.Ordinal).ToList());
        foreach (var file in files)
        {
            var golden = File.ReadAllText(Path.Combine(folder, file.Path)).Replace("\r\n", "\n");
            Assert.True(golden == file.Content, "Snapshot " + name + "/" + file.Path + " differs (HUBDSL_UPDATE_SNAPSHOTS=1 to accept):\n--- expected\n" + golden + "\n--- actual\n" + file.Content);
        }
    }
}
