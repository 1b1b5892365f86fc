using System.Threading.Tasks;

namespace HubDsl.Cli.Tests.Import;

/// <summary>
/// <c>spec.strategy</c> imports as a <c>RollingSync</c> member and round-trips; AllAtOnce imports as nothing; what the
/// DSL cannot express (an operator other than In/NotIn, <c>deletionOrder: Reverse</c>, a quoted maxUpdate) is listed
/// by file and field, never guessed.
/// </summary>
[Collection(ImportBuildCollection.Name)]
public sealed class RollingSyncImportTests
{
    [Fact]
    public async Task RollingSync_strategies_import_as_a_RollingSync_member_and_round_trip()
    {
        using var workspace = new ImportWorkspace().CopyFixture("rollout");

        var run = await workspace.ImportAsync("--appset", "@appsets", "--clusters", "@hub");

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("canary.yaml (ApplicationSet canary): spec.strategy.rollingSync.steps[0].matchExpressions[0].operator: the operator 'Exists' is not one a RollingSync step can use"));
        Assert.Contains(lines, l => l.Contains("ordered.yaml (ApplicationSet ordered): spec.strategy.deletionOrder: the DSL's RollingSync has no deletion order: 'Reverse'"));
        Assert.Contains(lines, l => l.Contains("ordered.yaml (ApplicationSet ordered): spec.strategy.rollingSync.steps[1].maxUpdate: '2' is neither a count nor a percentage"));
        Assert.Contains("left out (3):", run.Stdout);

        // The rollout means the same after the build; AllAtOnce (with or without deletionOrder: AllAtOnce) is nothing.
        Assert.DoesNotContain("DIFFERS", run.Stdout);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("same  ", StringComparison.Ordinal) && l.Contains("agent.yaml (ApplicationSet agent)"));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("same  ", StringComparison.Ordinal) && l.Contains("plain.yaml (ApplicationSet plain)"));
        Assert.Contains(lines, l => l.Contains("same, except what is left out (1)") && l.Contains("canary.yaml"));
        Assert.Contains(lines, l => l.Contains("same, except what is left out (2)") && l.Contains("ordered.yaml"));

        var written = workspace.Written();
        Assert.Contains("""
                public static readonly RollingSync Rollout = new(
                    new RollingSyncStep(LabelExpression.In("env", "staging")),
                    new RollingSyncStep(LabelExpression.In("env", "prod"), LabelExpression.NotIn("region", "us-west")) { MaxUpdate = "1" },
                    new RollingSyncStep(LabelExpression.In("env", "prod")) { MaxUpdate = "50%" });
            """.Replace("\r\n", "\n"), written["Agent.cs"]);
        Assert.Contains("new RollingSyncStep(LabelExpression.NotIn(\"env\", \"staging\")));", written["Ordered.cs"]);
        Assert.DoesNotContain("RollingSync", written["Canary.cs"]);
        Assert.DoesNotContain("RollingSync", written["Plain.cs"]);
    }
}
