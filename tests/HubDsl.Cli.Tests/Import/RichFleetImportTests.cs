using System.Threading.Tasks;

namespace HubDsl.Cli.Tests.Import;

/// <summary>
/// A fleet with what real ones have: matchExpressions, generator values, goTemplate with missingkey, labels and
/// annotations, a templatePatch, sync policies with retries, namespaced and project-scoped clusters, two charts with
/// several environments (lists, dictionaries, keys added and deleted per environment), a credential in a values file,
/// and parts the DSL cannot express. Everything else imports and round-trips; the rest is listed, by file and field.
/// </summary>
[Collection(ImportBuildCollection.Name)]
public sealed class RichFleetImportTests
{
    [Fact]
    public async Task Rich_fleet_imports_what_the_DSL_expresses_lists_the_rest_and_round_trips()
    {
        using var workspace = new ImportWorkspace().CopyFixture("rich");

        var run = await workspace.ImportAsync("--appset", "@appsets", "--clusters", "@hub", "--values", "@charts/payments", "--values", "@charts/monitoring", "--namespace", "Acme.Fleet");

        // Something was left out: exit 1, and each omission names its file, field and reason.
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("hubdsl: import incomplete", run.Stdout);
        var lines = run.Stdout.Split('\n');
        Assert.Contains(lines, l => l.Contains("edge.yaml (Secret edge-cluster-secret): data.shard: the DSL's Cluster has no 'shard'"));
        Assert.Contains(lines, l => l.Contains("edge.yaml (Secret edge-cluster-secret): metadata.name: HubDsl names the Secret 'cluster-edge.k8s.example.com-"));
        Assert.Contains(lines, l => l.Contains("legacy.yaml (ApplicationSet legacy-list): spec.generators:") && l.Contains("list generator"));
        Assert.Contains(lines, l => l.Contains("legacy.yaml (ApplicationSet by-name): spec.template.spec.destination:") && l.Contains("destination.name"));
        Assert.Contains(lines, l => l.Contains("payments.yaml (ApplicationSet payments): spec.templatePatch: the DSL has no templatePatch"));
        Assert.Contains(lines, l => l.Contains("values-east.yaml: adminPassword: a credential (HUB013) is not imported as text"));
        Assert.Equal(6, lines.Count(l => l.StartsWith("  ", StringComparison.Ordinal) && l.Contains(": ") && !l.Contains("same") && !l.StartsWith("      ", StringComparison.Ordinal)));

        // Everything imported means the same after the build; differences only where something was listed.
        Assert.DoesNotContain("DIFFERS", run.Stdout);
        Assert.Contains(lines, l => l.Contains("same, except what is left out (1)") && l.Contains("payments.yaml"));
        Assert.Contains(lines, l => l.Contains("same  ") && l.Contains("monitoring.yaml (ApplicationSet monitoring)"));
        foreach (var file in new[] { "east.yaml", "west.yaml", "stage.yaml", "payments/values.yaml", "payments/values-prod.yaml", "payments/values-staging.yaml", "monitoring/values.yaml", "monitoring/values-west.yaml" })
        {
            Assert.Contains(lines, l => l.TrimStart().StartsWith("same  ", StringComparison.Ordinal) && l.Contains("/" + file));
        }

        Assert.Contains(lines, l => l.Contains("same, except what is left out (1)") && l.Contains("monitoring/values-east.yaml"));
        Assert.DoesNotContain(lines, l => l.Contains("legacy") && l.Contains("same"));

        var written = workspace.Written();
        Assert.Equal(new[] { "Clusters.cs", "FleetProject.csproj", "Monitoring.cs", "MonitoringValues.cs", "Payments.cs", "PaymentsValues.cs" }.OrderBy(f => f, StringComparer.Ordinal), written.Keys.OrderBy(f => f, StringComparer.Ordinal));
        var payments = written["Payments.cs"];
        Assert.Contains("namespace Acme.Fleet;", payments);
        Assert.Contains("[ApplicationSet(\"payments\", GoTemplate = true, MissingKey = MissingKey.Error)]", payments);
        Assert.Contains("ClusterSelector.Where(LabelExpression.In(\"env\", \"prod\", \"staging\"), LabelExpression.Exists(\"region\"))", payments);
        Assert.Contains("new($\"payments-{Param.Name}\")", payments);
        Assert.Contains("[\"env\"] = Param.Label(\"env\")", payments);
        Assert.Contains("[\"example.com/region\"] = $\"region-{Param.Label(\"region\")}\"", payments);
        Assert.Contains("Retry = new(Limit: 3)", payments);
        Assert.Contains("Autoscaling = new PaymentsAutoscaling { Enabled = true, MinReplicas = 6, MaxReplicas = 20, TargetCPU = 0.75 }", payments);
        Assert.Contains("ExtraArgs = null,", payments);
        Assert.Contains("public Dictionary<string, string> PodAnnotations { get; init; }", written["PaymentsValues.cs"]);
        Assert.Contains("public IReadOnlyList<PaymentsEnvItem> Env { get; init; }", written["PaymentsValues.cs"]);
        var monitoring = written["Monitoring.cs"];
        Assert.Contains("public static readonly ClusterGenerator Targets = new(new ClusterSelector", monitoring);
        Assert.Contains("[\"retention\"] = $\"{Param.Label(\"region\")}-15d\"", monitoring);
        Assert.Contains("[\"retention\"] = Param.Value(\"retention\")", monitoring);
        Assert.Contains("Retry = new(Limit: -1, Backoff: new(Duration: \"10s\", Factor: 3))", monitoring);
        Assert.Contains("ValueFiles = [\"values.yaml\", $\"values-{Param.Name}.yaml\"]", monitoring);
        Assert.Contains("Access = SpokeAccess.Namespaced", written["Clusters.cs"]);
        Assert.Contains("Project = \"platform\"", written["Clusters.cs"]);

        // The credential is a placeholder with a comment saying what to fill in; its text is nowhere.
        Assert.Contains("AdminPassword = new ExternalSecretRef(\"monitoring-adminpassword\", Store: \"TODO-secret-store\", RemoteKey: \"TODO/values-east/adminPassword\")", monitoring);
        Assert.Contains("// TODO: values-east.yaml had a credential at adminPassword: not imported.", monitoring);
        foreach (var text in written.Values.Append(run.All))
        {
            Assert.DoesNotContain("correct-horse-battery-staple", text);
            Assert.DoesNotContain("rich-fleet-token-never-printed", text);
        }
    }
}
