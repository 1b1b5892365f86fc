using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using HubDsl.Core.Charts;
using HubDsl.Core.Yaml;
using Xunit;

namespace HubDsl.Core.Tests.Charts;

public class ValuesReadTests
{
    [Theory]
    [MemberData(nameof(ValuesReadCases.Rendered), MemberType = typeof(ValuesReadCases))]
    public void Flags_exactly_the_keys_no_template_reads(ValuesReadCase c) => AssertCase(c);

    [Theory]
    [MemberData(nameof(ValuesReadCases.NotRendered), MemberType = typeof(ValuesReadCases))]
    public void Stays_silent_where_the_templates_cannot_be_followed(ValuesReadCase c) => AssertCase(c);

    internal static ValuesKeyReport Check(ValuesReadCase c)
    {
        var reads = ChartReads.Analyze(FixtureCharts.Read(c.Fixture));
        return ValuesKeyCheck.Check(reads, (YamlMapping)YamlReader.Parse(c.Values, "values.yaml"));
    }

    private static void AssertCase(ValuesReadCase c)
    {
        var report = Check(c);
        Assert.Equal(c.Flagged.OrderBy(k => k, System.StringComparer.Ordinal), report.Unread.Select(u => u.Path.ToString()).OrderBy(k => k, System.StringComparer.Ordinal));
        foreach (var silent in c.Silent ?? [])
        {
            Assert.Contains(report.Silent, s => s.Path.Equals(ValuesPath.Parse(silent)));
        }

        foreach (var read in c.Read)
        {
            var path = ValuesPath.Parse(read);
            Assert.DoesNotContain(report.Silent, s => s.Path.Contains(path)); // read for real, not silenced by a give-up
        }
    }

    [Fact]
    public void Every_construct_has_a_key_a_naive_grep_would_flag()
    {
        var withReads = ((IEnumerable<object[]>)ValuesReadCases.Rendered).Select(row => (ValuesReadCase)row[0]).Where(c => c.Read.Length > 0).GroupBy(c => c.Fixture);
        foreach (var fixture in withReads)
        {
            var chains = NaiveChains(fixture.Key);
            Assert.True(fixture.SelectMany(c => c.Read).Any(k => !NaiveReads(chains, ValuesPath.Parse(k))),
                fixture.Key + ": every read key is a literal .Values chain, so the fixture does not show what the analysis adds");
        }
    }

    [Fact]
    public void Flagged_keys_carry_the_origin_of_the_value_and_a_close_declared_sibling()
    {
        var report = Check(new ValuesReadCase("empty-map-slot", "service:\n  tpye: x\n", [], []));
        var key = Assert.Single(report.Unread);
        Assert.Equal("service.tpye", key.Path.ToString());
        Assert.Equal("service.type", key.DidYouMean);
        Assert.NotNull(key.Origin);
    }

    [Fact]
    public void The_chart_own_defaults_that_no_template_reads_are_listed()
    {
        // cert-manager's own exceptions list has the same shape: a default nothing reads.
        var reads = ChartReads.Analyze(FixtureCharts.Read("include-forms"));
        Assert.Empty(ValuesKeyCheck.UnreadDefaults(reads));
        var chart = FixtureCharts.Files("include-forms");
        var values = chart.Single(f => f.Path == "values.yaml");
        chart[chart.IndexOf(values)] = values with { Text = values.Text + "deadKey: 1\n" };
        Assert.Equal(["deadKey"], ValuesKeyCheck.UnreadDefaults(ChartReads.Analyze(ChartReader.Read(chart))).Select(p => p.ToString()));
    }

    [Fact]
    public void A_packaged_dependency_is_a_problem_that_says_how_to_vendor_it()
    {
        var chart = FixtureCharts.Read("giveup-packaged");
        var problem = Assert.Single(chart.Problems);
        Assert.Equal("charts/remote-1.0.0.tgz", problem.Path);
        Assert.Contains("helm pull --untar", problem.Message);
    }

    // The naive analysis of the research: a key counts as read only when a literal .Values/$.Values chain equals or extends it.
    private static List<string[]> NaiveChains(string fixture) =>
        FixtureCharts.Files(fixture).Where(f => f.Path.Contains("templates/"))
            .SelectMany(f => Regex.Matches(f.Text, @"\$?\.Values((?:\.[A-Za-z0-9_]+)+)").Select(m => m.Groups[1].Value.Substring(1).Split('.')))
            .ToList();

    private static bool NaiveReads(List<string[]> chains, ValuesPath key) =>
        chains.Any(chain => chain.Length >= key.Segments.Count && key.Segments.Select((s, i) => s == chain[i]).All(x => x));
}
