using System.Collections.Generic;
using System.IO;
using System.Linq;
using HubDsl.Core.Charts;
using HubDsl.Core.Charts.Schema;
using HubDsl.Core.Yaml;
using Xunit.Abstractions;

namespace HubDsl.Core.Tests.Charts;

/// <summary>
/// HUB025-HUB027 on real public charts with their own CI values files (known valid), when they are on the machine:
/// HUBDSL_REAL_CHARTS names a folder of chart folders (each with its vendored subcharts under charts/ and its values
/// files under ci/). Charts are not vendored into this repository. Every key
/// reported must be one the chart really ignores: the expected findings below were each checked by hand against the
/// chart's templates (see the report in the test output).
/// </summary>
public sealed class RealChartTests(ITestOutputHelper output)
{
    // Findings that are true: cert-manager's test fixtures (test/fixtures/cert-manager-values.yaml and
    // deploy/manifests/helm-values.yaml at 2d0d7f7) predate its schema. `helm template` v4 rejects both with exactly
    // these reasons (at '/webhook': additional properties 'enabled' not allowed; at '/global/logLevel': got string,
    // want number; at '/ingressShim': additional properties 'resources' not allowed), and no template reads
    // webhook.enabled.
    private static readonly Dictionary<string, string[]> Genuine = new()
    {
        ["cert-manager"] = new[]
        {
            "HUB025 cert-manager-values.yaml:webhook.enabled", "HUB025 manifests-helm-values.yaml:webhook.enabled",
            "HUB026 cert-manager-values.yaml", "HUB026 manifests-helm-values.yaml",
        },
    };

    private static bool Known(string chart, string finding) => Genuine.TryGetValue(chart, out var known) && known.Contains(finding);

    [Fact]
    public void Real_charts_CI_values_give_no_false_positive()
    {
        var root = System.Environment.GetEnvironmentVariable("HUBDSL_REAL_CHARTS");
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root))
        {
            output.WriteLine("HUBDSL_REAL_CHARTS is not set: no real charts on this machine, nothing checked.");
            return;
        }

        var unexpected = new List<string>();
        foreach (var chartDirectory in Directory.GetDirectories(root).OrderBy(d => d, System.StringComparer.Ordinal))
        {
            var name = Path.GetFileName(chartDirectory);
            var chart = ChartReader.Read(Files(chartDirectory));
            var reads = ChartReads.Analyze(chart);
            int files = 0, keys = 0, unread = 0, shape = 0, schema = 0;
            foreach (var valuesFile in Directory.GetFiles(Path.Combine(chartDirectory, "ci"), "*.yaml").OrderBy(f => f, System.StringComparer.Ordinal))
            {
                var values = YamlReader.Parse(File.ReadAllText(valuesFile), valuesFile) as YamlMapping ?? new YamlMapping();
                files++;
                var report = ValuesKeyCheck.Check(reads, values);
                keys += report.CheckedKeys;
                foreach (var key in report.Unread)
                {
                    unread++;
                    var id = Path.GetFileName(valuesFile) + ":" + key.Path;
                    output.WriteLine(name + " HUB025 " + id);
                    if (!Known(name, "HUB025 " + id)) unexpected.Add(name + " HUB025 " + id);
                }

                foreach (var mismatch in ValuesShapeCheck.Check(reads, values))
                {
                    shape++;
                    output.WriteLine(name + " HUB027 " + Path.GetFileName(valuesFile) + ": " + mismatch);
                    unexpected.Add(name + " HUB027 " + Path.GetFileName(valuesFile) + ": " + mismatch);
                }

                var schemaReport = ChartSchemaValidator.Validate(chart, values);
                foreach (var failure in schemaReport.Failures)
                {
                    schema++;
                    output.WriteLine(name + " HUB026 " + Path.GetFileName(valuesFile) + ": " + string.Join("; ", failure.Violations));
                    if (!Known(name, "HUB026 " + Path.GetFileName(valuesFile))) unexpected.Add(name + " HUB026 " + Path.GetFileName(valuesFile));
                }
            }

            output.WriteLine(name + ": " + files + " values files, " + keys + " keys; HUB025 " + unread + ", HUB026 " + schema + ", HUB027 " + shape +
                (reads.GaveUpEntirely is null ? "" : "; gave up: " + reads.GaveUpEntirely) + "; silent subtrees: " + reads.GaveUp.Count);
        }

        Assert.True(unexpected.Count == 0, "unexpected findings:\n" + string.Join("\n", unexpected));
    }

    // The files the package's props hand over: Chart.yaml, values.yaml, values.schema.json, templates/**, charts/**.
    private static List<ChartFile> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(p => p is "Chart.yaml" or "values.yaml" or "values.schema.json" || p.StartsWith("templates/", System.StringComparison.Ordinal) || p.StartsWith("charts/", System.StringComparison.Ordinal))
            .OrderBy(p => p, System.StringComparer.Ordinal)
            .Select(p => new ChartFile(p, File.ReadAllText(Path.Combine(root, p))))
            .ToList();
}
