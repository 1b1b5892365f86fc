using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubDsl.Generators.Tests;

/// <summary>
/// The generator runs on every keystroke: an unrelated edit must leave every named step Cached or
/// Unchanged and regenerate nothing, and no step may hold Roslyn objects (which never compare equal).
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] StepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void An_unrelated_edit_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compile(GeneratorHarness.ExampleSources("AgentFleet"));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Unrelated { public int X => 1; }", GeneratorHarness.ParseOptions, "Unrelated.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var name in StepNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), "step " + name + " did not run");
            var reasons = result.TrackedSteps[name].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " was " + r));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void An_edit_inside_the_fleet_regenerates_only_what_depends_on_it()
    {
        var sources = GeneratorHarness.ExampleSources("AgentFleet");
        var compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var clusters = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Clusters.cs", StringComparison.Ordinal));
        var changed = clusters.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(clusters.ToString().Replace("https://dr-api.example.com", "https://dr-eu.example.com")));
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(clusters, changed)).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.FleetManifests].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        // Only the edited cluster's Secret is emitted again; the other clusters' files come from the cache.
        var secrets = result.TrackedSteps[TrackingNames.ClusterSecret].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, secrets.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, secrets.Count(r => r == IncrementalStepRunReason.Cached));
        // The ApplicationSet's own model does not depend on the clusters and stays cached.
        Assert.All(result.TrackedSteps[TrackingNames.ApplicationSet].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.All(result.TrackedSteps[TrackingNames.ApplicationSetManifests].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_values_edit_builds_again_only_the_files_of_least_privilege_clusters()
    {
        var sources = GeneratorHarness.ExampleSources("AgentFleet");
        var compilation = GeneratorHarness.Compile(sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var agent = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Agent.cs", StringComparison.Ordinal));
        Assert.Contains("Replicas = 3,", agent.ToString(), StringComparison.Ordinal);
        var changed = agent.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(agent.ToString().Replace("Replicas = 3,", "Replicas = 4,", StringComparison.Ordinal)));
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(agent, changed)).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.ApplicationSetManifests].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        // Staging (ClusterAdmin) reads no ApplicationSet: its files are not built again. Prod and dr (LeastPrivilege)
        // are, and their grants do not depend on values, so they come out unchanged.
        foreach (var step in new[] { TrackingNames.ClusterSecret, TrackingNames.SpokeManifest })
        {
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Cached));
            Assert.Equal(2, reasons.Count(r => r == IncrementalStepRunReason.Unchanged));
        }
    }

    [Fact]
    public void No_step_output_holds_Roslyn_objects()
    {
        var compilation = GeneratorHarness.Compile(GeneratorHarness.ExampleSources("AgentFleet"));
        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        foreach (var step in result.TrackedSteps.Where(s => StepNames.Contains(s.Key)).SelectMany(s => s.Value))
        {
            foreach (var (value, _) in step.Outputs) AssertNoRoslynObjects(value, new HashSet<object>(ReferenceEqualityComparer.Instance), step.Name ?? "?");
        }
    }

    private static void AssertNoRoslynObjects(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return;
        var type = value.GetType();
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location, path + " holds a " + type.Name);
        if (value is System.Collections.IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) AssertNoRoslynObjects(item, seen, path + "[" + i++ + "]");
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoRoslynObjects(field.GetValue(value), seen, path + "." + field.Name);
            }
        }
    }
}
