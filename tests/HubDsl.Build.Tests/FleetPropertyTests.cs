namespace HubDsl.Build.Tests;

/// <summary>The MSBuild property HubDslFleet reaches the generator and the analyzers (CompilerVisibleProperty in HubDsl.props).</summary>
public sealed class FleetPropertyTests
{
    [Fact]
    public void HubDslFleet_labels_the_hub_objects_and_an_invalid_value_fails_with_HUB023()
    {
        using var copy = ExampleCopy.Create();

        var build = copy.Build("HubDslFleet=team-agents");

        Assert.True(build.ExitCode == 0, build.Output);
        foreach (var file in new[] { "argocd/applicationsets/agent-multi-cluster.yaml", "argocd/projects/agent.yaml", "argocd/clusters/prod.yaml" })
        {
            Assert.Contains("    fleet.hubdsl.io/team-agents: 'true'\n", copy.Read(file));
            Assert.DoesNotContain("fleet.hubdsl.io/agentfleet", copy.Read(file));
        }

        var invalid = copy.Build("HubDslFleet=Team_Agents");

        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("error HUB023: HubDslFleet 'Team_Agents' is not a valid fleet identity", invalid.Output);
        Assert.Contains("e.g. 'team_agents'", invalid.Output);
    }
}
