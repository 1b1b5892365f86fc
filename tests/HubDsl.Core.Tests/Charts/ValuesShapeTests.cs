using System.Linq;
using HubDsl.Core.Charts;
using HubDsl.Core.Yaml;
using Xunit;

namespace HubDsl.Core.Tests.Charts;

public class ValuesShapeTests
{
    private static string[] Mismatches(string fixture, string values) =>
        ValuesShapeCheck.Check(ChartReads.Analyze(FixtureCharts.Read(fixture)), (YamlMapping)YamlReader.Parse(values)).Select(m => m.Path + ": " + m.Actual + " for " + m.Expected).ToArray();

    [Fact]
    public void A_scalar_where_values_yaml_has_a_map_or_a_list_is_reported()
    {
        Assert.Equal(["web: string for map"], Mismatches("direct-paths", "web: \"8080\"\n"));
        Assert.Equal(["hosts: map for list", "svc.port: list for number"], Mismatches("dollar-root", "hosts:\n  a: b\nsvc:\n  port: [1]\n"));
        Assert.Equal(["podAnnotations: string for map"], Mismatches("empty-map-slot", "podAnnotations: a=b\n"));
    }

    [Fact]
    public void The_same_shape_a_null_default_or_null_is_fine()
    {
        Assert.Empty(Mismatches("direct-paths", "web:\n  port: \"80\"\n"));
        Assert.Empty(Mismatches("empty-map-slot", "tolerations: x\nservice: null\n"));
    }

    [Fact]
    public void Not_where_the_templates_test_the_type_or_a_schema_decides()
    {
        Assert.Equal(["labels: string for map"], Mismatches("shape-typetest", "extra: \"{{ .Release.Name }}\"\nlabels: x\n"));
        Assert.Empty(Mismatches("schema-app", "service: x\n"));
    }

    [Fact]
    public void The_message_says_what_the_chart_expects()
    {
        var m = ValuesShapeCheck.Check(ChartReads.Analyze(FixtureCharts.Read("direct-paths")), (YamlMapping)YamlReader.Parse("web: x\n", "values.yaml")).Single();
        Assert.Equal("'web' is a string where the chart's values.yaml has a map; the chart's templates expect a map there.", m.Message);
        Assert.NotNull(m.Origin);
    }
}
