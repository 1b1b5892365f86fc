using System.Collections.Generic;
using System.IO;
using System.Linq;
using HubDsl.Core.Charts;

namespace HubDsl.Core.Tests.Charts;

/// <summary>The fixture charts under Charts/Fixtures, read from the source tree as the CLI would read a chart directory.</summary>
internal static class FixtureCharts
{
    public static string Directory(string name, [System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Fixtures", name);

    public static List<ChartFile> Files(string name)
    {
        var root = Directory(name);
        return System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => new ChartFile(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .OrderBy(f => f.Path, System.StringComparer.Ordinal)
            .ToList();
    }

    public static HelmChart Read(string name) => ChartReader.Read(Files(name));
}
