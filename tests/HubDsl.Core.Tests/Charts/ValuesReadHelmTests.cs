using System.IO;
using System.Linq;
using HubDsl.Core.Charts;
using HubDsl.Core.Yaml;
using HubDsl.Tests.Shared;
using Xunit;

namespace HubDsl.Core.Tests.Charts;

/// <summary>
/// The fixture cases against real Helm: removing a flagged key leaves `helm template`'s output unchanged (Helm really
/// ignores it), and removing a key the analysis counts as read changes it (the chart really reads it).
/// </summary>
public class ValuesReadHelmTests
{
    [HelmTheory]
    [MemberData(nameof(ValuesReadCases.Rendered), MemberType = typeof(ValuesReadCases))]
    public void Helm_ignores_flagged_keys_and_reads_the_others(ValuesReadCase c)
    {
        var values = (YamlMapping)YamlReader.Parse(c.Values);
        var full = Render(c.Fixture, values);
        foreach (var flagged in c.Flagged)
        {
            Assert.True(full == Render(c.Fixture, Without(values, ValuesPath.Parse(flagged))), flagged + " is flagged, but Helm's output depends on it");
        }

        foreach (var read in c.Read)
        {
            Assert.True(full != Render(c.Fixture, Without(values, ValuesPath.Parse(read))), read + " counts as read, but Helm's output does not change without it");
        }
    }

    private static string Render(string fixture, YamlMapping values)
    {
        var file = Path.Combine(Path.GetTempPath(), "hubdsl-chart-values-" + System.Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, YamlWriter.Write(values));
        try
        {
            var (code, output) = Helm.Run("template", "t", FixtureCharts.Directory(fixture), "-f", file);
            Assert.True(code == 0, fixture + ": helm template failed: " + output);
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    // A copy without the key; maps it leaves empty go too, as if the user had never written it.
    private static YamlMapping Without(YamlMapping values, ValuesPath path)
    {
        var copy = new YamlMapping();
        foreach (var entry in values)
        {
            if (entry.Key != path.Segments[0])
            {
                copy.Set(entry.Key, entry.Value);
            }
            else if (path.Segments.Count > 1 && entry.Value is YamlMapping child)
            {
                var rest = Without(child, new ValuesPath(path.Segments.Skip(1)));
                if (rest.Count > 0) copy.Set(entry.Key, rest);
            }
        }

        return copy;
    }
}
