using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Charts;
using Xunit;

namespace HubDsl.Core.Tests.Charts;

public class ChartReaderTests
{
    private static readonly ChartFile Meta = new("Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n  - name: db\n    alias: store\n    condition: store.enabled,global.db.enabled\n    tags: [data]\n    import-values:\n      - data\n      - child: status\n        parent: dbStatus\n");

    [Fact]
    public void Reads_chart_metadata_values_schema_templates_and_vendored_subcharts()
    {
        var chart = ChartReader.Read(
        [
            Meta,
            new ChartFile("values.yaml", "a: 1\n"),
            new ChartFile("values.schema.json", "{}"),
            new ChartFile("templates/cm.yaml", "x"),
            new ChartFile("templates/sub/_h.tpl", "y"),
            new ChartFile("README.md", "ignored"),
            new ChartFile("charts/db/Chart.yaml", "apiVersion: v2\nname: db\nversion: 1.0.0\ntype: library\n"),
            new ChartFile("charts/db/templates/_db.tpl", "z"),
        ]);
        Assert.Equal("app", chart.Name);
        Assert.Equal("1", chart.Values["a"]!.ToString());
        Assert.Equal("{}", chart.SchemaText);
        Assert.Equal(["templates/cm.yaml", "templates/sub/_h.tpl"], chart.Templates.Select(t => t.Path));
        var db = Assert.Single(chart.Subcharts);
        Assert.Equal(("db", "charts/db", true), (db.Name, db.Directory, db.IsLibrary));
        var dependency = Assert.Single(chart.Dependencies);
        Assert.Equal(("db", "store", "store.enabled,global.db.enabled"), (dependency.Name, dependency.ValuesKey, dependency.Condition));
        Assert.Equal(["data"], dependency.Tags);
        Assert.Equal(["exports.data -> .", "status -> dbStatus"], dependency.ImportValues.Select(i => i.Key + " -> " + i.Value));
        Assert.Empty(chart.Problems);
        Assert.False(chart.ValuesUnreadable);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("templates/../../x.yaml")]
    [InlineData("C:/x.yaml")]
    public void Paths_outside_the_chart_are_ignored_with_a_problem(string path)
    {
        var chart = ChartReader.Read([Meta, new ChartFile(path, "x")]);
        Assert.Contains(chart.Problems, p => p.Message.Contains("not a path inside the chart"));
        Assert.Empty(chart.Templates);
    }

    [Fact]
    public void Backslashes_and_dot_slash_are_normalised() =>
        Assert.Equal(["templates/a.yaml"], ChartReader.Read([Meta, new ChartFile(".\\templates\\a.yaml", "x")]).Templates.Select(t => t.Path));

    [Theory]
    [InlineData("values.yaml", "a: [", "values.yaml: not valid YAML")]
    [InlineData("values.yaml", "- a\n", "values.yaml: is not a mapping")]
    [InlineData("Chart.yaml", "name: [", "Chart.yaml: not valid YAML")]
    public void Unreadable_yaml_makes_the_chart_unusable_and_says_where(string file, string text, string problem)
    {
        var files = new List<ChartFile> { Meta, new("values.yaml", "a: 1\n") };
        files.RemoveAll(f => f.Path == file);
        files.Add(new ChartFile(file, text));
        var chart = ChartReader.Read(files);
        Assert.True(chart.ValuesUnreadable);
        Assert.StartsWith(problem, chart.Problems.First().ToString());
        Assert.NotNull(ChartReads.Analyze(chart).GaveUpEntirely);
    }

    [Fact]
    public void A_directory_without_chart_yaml_is_not_a_chart() =>
        Assert.Contains("Chart.yaml: missing", ChartReader.Read([new ChartFile("values.yaml", "a: 1")]).Problems.Single().ToString());

    [Fact]
    public void Limits_on_file_size_and_count_stop_reading_with_a_problem_naming_the_limit()
    {
        var big = ChartReader.Read([Meta, new ChartFile("templates/big.yaml", new string('x', ChartLimits.MaxFileLength + 1))]);
        Assert.True(big.ValuesUnreadable);
        Assert.Contains("limit of " + ChartLimits.MaxFileLength, big.Problems.Single().Message);
        var many = ChartReader.Read(Enumerable.Range(0, ChartLimits.MaxFiles + 1).Select(i => new ChartFile("templates/t" + i + ".yaml", "x")).Prepend(Meta));
        Assert.True(many.ValuesUnreadable);
        Assert.Contains("limit of " + ChartLimits.MaxFiles + " files", many.Problems.Single().Message);
    }

    [Fact]
    public void Subcharts_nested_beyond_the_limit_are_not_read()
    {
        var files = new List<ChartFile> { Meta };
        var prefix = "";
        for (var i = 0; i <= ChartLimits.MaxSubchartDepth + 1; i++)
        {
            prefix += "charts/c" + i + "/";
            files.Add(new ChartFile(prefix + "Chart.yaml", "apiVersion: v2\nname: c" + i + "\nversion: 1.0.0\n"));
        }

        Assert.Contains(ChartReader.Read(files).Problems, p => p.Message.Contains("nested deeper than HubDsl's limit"));
    }

    [Fact]
    public void Equal_files_make_equal_charts_and_any_edit_makes_them_differ()
    {
        var files = FixtureCharts.Files("subcharts");
        var a = ChartReader.Read(files);
        var b = ChartReader.Read(files.Select(f => new ChartFile(f.Path, new string(f.Text.ToCharArray()))).Reverse());
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(ChartReads.Analyze(a), ChartReads.Analyze(b));
        foreach (var file in files.Where(f => !f.Path.EndsWith("Chart.yaml", System.StringComparison.Ordinal)))
        {
            var edited = ChartReader.Read(files.Select(f => f == file ? f with { Text = f.Text + "\n# edit\n" } : f));
            Assert.NotEqual(a, edited);
        }

        // Chart.yaml counts by what it says (a comment changes nothing the checks read; an alias does).
        var meta = files.Single(f => f.Path == "Chart.yaml");
        Assert.Equal(a, ChartReader.Read(files.Select(f => f == meta ? f with { Text = f.Text + "# comment\n" } : f)));
        Assert.NotEqual(a, ChartReader.Read(files.Select(f => f == meta ? f with { Text = f.Text.Replace("alias: second", "alias: third") } : f)));
    }
}
