using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubDsl.Generators.Tests;

/// <summary>
/// [ChartValues("helm")] on a partial record: the generator writes its properties from the chart, and the fleet's
/// values written with them (Defaults with { ... }) are evaluated into the values files: the fleet's defaults as what
/// differs from the chart, the environments as what differs from the defaults; the chart's own values.yaml is never written.
/// </summary>
public sealed class ChartValuesGeneratorTests
{
    [Fact]
    public void The_generated_record_matches_its_snapshot()
    {
        var (output, _, diagnostics) = ChartTypedFleet.Run(ChartTypedFleet.Source, ChartTypedFleet.ChartFiles());
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Snapshot.Match("ChartValuesRecord", [new HubDsl.Core.Manifests.ManifestFile("AgentValues.g.cs", ChartTypedFleet.RecordSource(output))]);
    }

    [Fact]
    public void Defaults_with_on_a_chart_typed_record_writes_the_fleet_defaults_and_the_environment_diffs()
    {
        var (_, files, diagnostics) = ChartTypedFleet.Run(ChartTypedFleet.Source, ChartTypedFleet.ChartFiles());
        Assert.Empty(diagnostics);
        Assert.DoesNotContain(files, f => f.Path == "helm/values.yaml"); // the chart's input, never written
        Assert.Equal("image:\n  tag: '2.0.0'\nlogLevel: info\n", Body(files, "helm/values-fleet.yaml"));
        Assert.Equal("replicaCount: 3\nredis-ha:\n  enabled: true\n", Body(files, "helm/values-prod.yaml"));
        Assert.Equal("{}\n", Body(files, "helm/values-staging.yaml"));
        var appSet = files.Single(f => f.Path == "argocd/applicationsets/agent.yaml").Content;
        Assert.Contains("- values-fleet.yaml", appSet);
    }

    [Fact]
    public void Without_a_fleet_defaults_file_the_environments_carry_everything_that_differs_from_the_chart()
    {
        var source = ChartTypedFleet.Source.Replace("\"values.yaml\", \"values-fleet.yaml\", ", "\"values.yaml\", ");
        var (_, files, diagnostics) = ChartTypedFleet.Run(source, ChartTypedFleet.ChartFiles());
        Assert.Empty(diagnostics);
        Assert.DoesNotContain(files, f => f.Path is "helm/values.yaml" or "helm/values-fleet.yaml");
        Assert.Equal("replicaCount: 3\nimage:\n  tag: '2.0.0'\nredis-ha:\n  enabled: true\nlogLevel: info\n", Body(files, "helm/values-prod.yaml"));
        Assert.Equal("image:\n  tag: '2.0.0'\nlogLevel: info\n", Body(files, "helm/values-staging.yaml"));
    }

    [Fact]
    public void A_key_the_users_part_of_the_record_declares_is_not_generated_and_its_value_is_written()
    {
        var source = ChartTypedFleet.Source.Replace("public partial record AgentValues : HelmValues;",
            "public partial record AgentValues : HelmValues\n{\n    [ValuesKey(\"class\")] public string Tier { get; init; } = \"gold\";\n    public ExternalSecretRef? ExtraArgs { get; init; }\n}");
        var (output, files, diagnostics) = ChartTypedFleet.Run(source, ChartTypedFleet.ChartFiles());
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var record = ChartTypedFleet.RecordSource(output);
        Assert.DoesNotContain("ValuesKey(\"class\")", record);
        Assert.DoesNotContain("ValuesKey(\"extraArgs\")", record);
        Assert.Contains("ValuesKey(\"Class\")", record); // the key differing by case is still the chart's
        Assert.Equal("class: gold\nimage:\n  tag: '2.0.0'\nlogLevel: info\n", Body(files, "helm/values-fleet.yaml"));
    }

    [Fact]
    public void A_chart_that_cannot_be_read_generates_no_properties_and_the_generator_does_not_throw()
    {
        var files = ChartTypedFleet.ChartFiles(edit: (path, text) => path == "values.yaml" ? "replicaCount: [1\n  image: {\n" : text);
        var (output, manifests, diagnostics) = ChartTypedFleet.Run(ChartTypedFleet.Source, files);
        Assert.Empty(diagnostics); // a generator exception would be CS8785 here
        Assert.DoesNotContain(output.SyntaxTrees, t => t.FilePath.Contains("HubDsl.ChartValues.", StringComparison.Ordinal));
        Assert.DoesNotContain(manifests, m => m.Path.StartsWith("helm/", StringComparison.Ordinal)); // the ApplicationSet cannot be evaluated: nothing half-written
    }

    [Fact]
    public void A_missing_chart_generates_no_properties()
    {
        var (output, _, diagnostics) = ChartTypedFleet.Run(ChartTypedFleet.Source.Replace("[ChartValues(\"helm\")]", "[ChartValues(\"charts/agent\")]"), ChartTypedFleet.ChartFiles());
        Assert.Empty(diagnostics);
        Assert.DoesNotContain(output.SyntaxTrees, t => t.FilePath.Contains("HubDsl.ChartValues.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_augmented_trees_have_the_path_and_text_of_the_generated_source()
    {
        // The chart-typed ApplicationSet is bound with trees equal to what the generator adds, so the analyzers (on the
        // final compilation) see the same members: same text, and the path Roslyn gives the generator's output.
        var (output, _, _) = ChartTypedFleet.Run(ChartTypedFleet.Source, ChartTypedFleet.ChartFiles());
        var added = output.SyntaxTrees.Single(t => t.FilePath.Contains("HubDsl.ChartValues.", StringComparison.Ordinal));
        Assert.Equal(HubDsl.Generators.Charts.ChartRecordPipeline.GeneratedFolder + "HubDsl.ChartValues.Fleet.AgentValues.g.cs", added.FilePath.Replace('\\', '/'));
    }

    [Fact]
    public void Editing_a_chart_template_regenerates_no_record_and_rebinds_nothing_new()
    {
        var compilation = ChartTypedFleet.Compile(ChartTypedFleet.Source);
        var files = ChartTypedFleet.ChartFiles();
        var driver = ChartTypedFleet.Driver(files).RunGenerators(compilation);
        var template = files.Single(f => f.Path.EndsWith("templates/deployment.yaml", StringComparison.Ordinal));
        var edited = ChartTypedFleet.ChartFiles(edit: (path, text) => path == "templates/deployment.yaml" ? text + "# edited\n" : text)
            .Single(f => f.Path.EndsWith("templates/deployment.yaml", StringComparison.Ordinal));
        var result = driver.ReplaceAdditionalText(template, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(result.TrackedSteps[TrackingNames.ChartRecords].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "ChartRecords was " + o.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.ChartApplicationSets].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "ChartApplicationSets was " + o.Reason));
        Assert.All(result.TrackedSteps[TrackingNames.ApplicationSetManifests].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_values_yaml_regenerates_the_record_and_the_values_files()
    {
        var compilation = ChartTypedFleet.Compile(ChartTypedFleet.Source);
        var files = ChartTypedFleet.ChartFiles();
        var driver = ChartTypedFleet.Driver(files).RunGenerators(compilation);
        var values = files.Single(f => f.Path.EndsWith("/helm/values.yaml", StringComparison.Ordinal));
        var edited = ChartTypedFleet.ChartFiles(edit: (path, text) => path == "values.yaml" ? text.Replace("tag: \"1.0.0\"", "tag: \"2.0.0\"") : text)
            .Single(f => f.Path.EndsWith("/helm/values.yaml", StringComparison.Ordinal));
        var result = driver.ReplaceAdditionalText(values, edited).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _).GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.ChartRecords].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var manifests = GeneratorHarness.ManifestsOf(output);
        Assert.Contains("tag = \"2.0.0\"", ChartTypedFleet.RecordSource(output).Replace("Tag { get; init; } = ", "tag = "));
        Assert.Equal("logLevel: info\n", Body(manifests, "helm/values-fleet.yaml")); // the chart now has the fleet's tag
    }

    [Fact]
    public void An_unrelated_edit_reuses_the_chart_typed_values()
    {
        var name = "ChartReuse" + Guid.NewGuid().ToString("N");
        var unrelated = CSharpSyntaxTree.ParseText("public class Unrelated { public int X() => 1; }", GeneratorHarness.ParseOptions, "/proj/Unrelated.cs");
        var compilation = ChartTypedFleet.Compile(ChartTypedFleet.Source, name).AddSyntaxTrees(unrelated);
        var driver = ChartTypedFleet.Driver(ChartTypedFleet.ChartFiles()).RunGenerators(compilation);
        var stored = HubDsl.Generators.Caching.ChartEvaluationCaches.Statistics(name).Stored;
        Assert.True(stored > 0);
        // A keystroke in a method body: the project's compilation changes, the records do not.
        var edited = compilation.ReplaceSyntaxTree(unrelated, unrelated.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("public class Unrelated { public int X() => 2; }")));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        var after = HubDsl.Generators.Caching.ChartEvaluationCaches.Statistics(name);
        Assert.True(after.Reused > 0, "the augmented compilation's values were evaluated again");
        Assert.Equal(stored, after.Stored);
        Assert.All(result.TrackedSteps[TrackingNames.ChartApplicationSets].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    private static string Body(IReadOnlyList<HubDsl.Core.Manifests.ManifestFile> files, string path)
    {
        var file = files.SingleOrDefault(f => f.Path == path);
        Assert.True(file is not null, path + " was not generated; generated: " + string.Join(", ", files.Select(f => f.Path)));
        return string.Join("\n", file!.Content.Split('\n').Where(l => !l.StartsWith('#')));
    }
}
