namespace HubDsl.Build.Tests;

/// <summary>
/// The package's props hand each chart under the project to the analyzers as additional files, with nothing listed
/// by the user (HubDsl.targets, _HubDslAddChartFiles), and HubDslChartFiles=false turns that off (the example's
/// [ChartValues] record then has no chart to be typed from).
/// </summary>
public sealed class ChartFilesBuildTests
{
    [Fact]
    public void A_values_key_the_example_chart_never_reads_is_HUB025_in_the_build_unless_HubDslChartFiles_is_false()
    {
        using var copy = ExampleCopy.Create();
        copy.Edit("Agent.cs", "[\"environment\"] = Param.Label(\"env\"),", "[\"environment\"] = Param.Label(\"env\"),\n                [\"clusterName\"] = Param.Name,");

        var build = copy.Build();

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("warning HUB025: Agent.Template: the chart 'agent' (helm/) never reads the inline values key 'clusterName'", build.Output);
        Assert.Matches(@"Agent\.cs\(\d+,\d+\): warning HUB025", build.Output);

        // Without chart files nothing is checked, and the example's [ChartValues] record gets no properties: HUB033 says why.
        var off = copy.Build("HubDslChartFiles=false");

        Assert.NotEqual(0, off.ExitCode);
        Assert.DoesNotContain("HUB025", off.Output);
        Assert.Contains("error HUB033: [ChartValues(\"helm\")] on AgentValues: no chart at 'helm'", off.Output);
    }

    [Fact]
    public void HubDslChartPaths_names_the_chart_folders_instead_of_the_glob()
    {
        using var copy = ExampleCopy.Create();
        copy.Edit("Agent.cs", "[\"environment\"] = Param.Label(\"env\"),", "[\"environment\"] = Param.Label(\"env\"),\n                [\"clusterName\"] = Param.Name,");

        var named = copy.Build("HubDslChartPaths=helm");
        var elsewhere = copy.Build("HubDslChartPaths=argocd");

        Assert.Contains("warning HUB025", named.Output);
        Assert.DoesNotContain("HUB025", elsewhere.Output);
        Assert.Contains("error HUB033", elsewhere.Output); // the example's record is typed from helm/, which is not handed over
    }
}
