using HubDsl.Core.Manifests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubDsl.Generators.Tests;

/// <summary>
/// Every hub object the project generates carries its fleet label (fleet.hubdsl.io/&lt;id&gt;: "true"), from
/// HubDslFleet or else the assembly name, so that hubdsl apply --prune touches only this project's objects.
/// </summary>
public sealed class FleetLabelTests
{
    private static IReadOnlyList<ManifestFile> Run(string? declared, string assemblyName = "Contoso.Agents")
    {
        var compilation = GeneratorHarness.Compile(GeneratorHarness.ExampleSources("AgentFleet")).WithAssemblyName(assemblyName);
        GeneratorHarness.CreateDriver(declared).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        return GeneratorHarness.ManifestsOf(output);
    }

    private static bool IsHubObject(ManifestFile file) => file.Path.StartsWith("argocd/", StringComparison.Ordinal);

    [Fact]
    public void Hub_objects_carry_the_label_of_the_fleet_derived_from_the_assembly_name()
    {
        var files = Run(declared: null);

        var hub = files.Where(IsHubObject).ToList();
        Assert.Equal(5, hub.Count); // the ApplicationSet, its AppProject, three cluster Secrets
        Assert.All(hub, f => Assert.Contains("\n    fleet.hubdsl.io/contoso.agents: 'true'\n", f.Content));
        Assert.All(hub, f => Assert.Single(f.Content.Split('\n'), l => l.Contains("fleet.hubdsl.io/", StringComparison.Ordinal)));

        // Spoke RBAC, Helm values, ExternalSecrets and the hub chart values are not hub objects hubdsl apply writes.
        Assert.All(files.Where(f => !IsHubObject(f)), f => Assert.DoesNotContain("fleet.hubdsl.io/", f.Content));
    }

    [Fact]
    public void A_declared_HubDslFleet_is_the_label()
    {
        var files = Run(declared: "team-agents");

        Assert.All(files.Where(IsHubObject), f => Assert.Contains("fleet.hubdsl.io/team-agents: 'true'", f.Content));
        Assert.DoesNotContain(files, f => f.Content.Contains("fleet.hubdsl.io/contoso.agents", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_declared_value_falls_back_to_the_assembly_name_without_failing()
    {
        // HUB023 (the analyzers) fails the build; the generator itself never throws and writes valid labels.
        var files = Run(declared: "Team Agents");

        Assert.All(files.Where(IsHubObject), f => Assert.Contains("fleet.hubdsl.io/contoso.agents: 'true'", f.Content));
    }

    [Fact]
    public void The_label_comes_after_declared_labels_so_a_cluster_label_cannot_change_it()
    {
        var files = GeneratorHarness.Generate(("Lab.cs", """
            using HubDsl;
            [Fleet]
            public static class Lab
            {
                public static readonly Cluster Local = new("lab", "https://127.0.0.1:6443")
                {
                    Labels = { ["fleet.hubdsl.io/fleet"] = "false", ["env"] = "lab" },
                };
            }
            """));

        var secret = Assert.Single(files, IsHubObject).Content;
        Assert.Contains("    env: lab\n", secret);
        Assert.Contains("    fleet.hubdsl.io/fleet: 'true'\n", secret);
        Assert.DoesNotContain("'false'", secret);
    }

    [Fact]
    public void Changing_HubDslFleet_re_emits_the_hub_files_and_an_unrelated_edit_still_re_emits_nothing()
    {
        var compilation = GeneratorHarness.Compile(GeneratorHarness.ExampleSources("AgentFleet"));
        var driver = GeneratorHarness.CreateDriver("team-a").RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Unrelated { }", GeneratorHarness.ParseOptions, "Unrelated.cs"));
        var unrelated = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.All(unrelated.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        var renamed = driver.RunGenerators(edited)
            .WithUpdatedAnalyzerConfigOptions(new HubDsl.Tests.Shared.BuildProperties(("HubDslFleet", "team-b")))
            .RunGenerators(edited);
        var result = renamed.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.FleetId].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(result.TrackedSteps[TrackingNames.ClusterSecret].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.ApplicationSetManifests].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        // The spoke RBAC does not carry the label: it is not regenerated.
        Assert.All(result.TrackedSteps[TrackingNames.SpokeManifest].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "SpokeManifest was " + o.Reason));
        var manifests = GeneratorHarness.ManifestsOf(edited.AddSyntaxTrees(result.GeneratedSources.Select(s => s.SyntaxTree)));
        Assert.All(manifests.Where(IsHubObject), f => Assert.Contains("fleet.hubdsl.io/team-b: 'true'", f.Content));
    }
    [Fact]
    public void A_selector_on_the_fleet_label_targets_the_fleets_clusters_in_every_file()
    {
        // The example's clusters all carry deploy=true and the fleet label: selecting by either must give the same
        // least-privilege Roles, AppProject destinations, cluster Secret namespaces and hub inclusions.
        var byDeploy = Run(declared: "team-agents");
        var sources = GeneratorHarness.ExampleSources("AgentFleet")
            .Select(s => (s.Path, s.Source.Replace("ClusterSelector.WithLabels((\"deploy\", \"true\"))", "ClusterSelector.WithLabels((\"fleet.hubdsl.io/team-agents\", \"true\"))")))
            .ToArray();
        Assert.Contains(sources, s => s.Item2.Contains("fleet.hubdsl.io/team-agents", StringComparison.Ordinal));
        var compilation = GeneratorHarness.Compile(sources).WithAssemblyName("Contoso.Agents");
        GeneratorHarness.CreateDriver("team-agents").RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        var byFleet = GeneratorHarness.ManifestsOf(output);

        foreach (var file in byDeploy.Where(f => !f.Path.StartsWith("argocd/applicationsets/", StringComparison.Ordinal)))
        {
            Assert.Equal(file.Content, Assert.Single(byFleet, f => f.Path == file.Path).Content);
        }

        Assert.Contains(byDeploy, f => f.Path == "spokes/prod/argocd-manager.yaml" && f.Content.Contains("kind: Role\n", StringComparison.Ordinal));
    }
}
