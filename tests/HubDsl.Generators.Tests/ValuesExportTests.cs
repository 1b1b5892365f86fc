using HubDsl.Generators.Caching;
using HubDsl.Generators.Exports;
using HubDsl.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Generators.Tests;

/// <summary>
/// The values a project records for the projects that reference it (<see cref="ValuesExportGenerator"/>): which
/// projects record (HubDslRecordValues, and by default every project that declares no fleet), and that a
/// keystroke evaluates and writes again only what it touched, while a warm generator always records what a cold
/// one records.
/// </summary>
public sealed class ValuesExportTests
{
    // A class library of values: a record with a default read from another member, a nested record, a shared
    // cluster, a member HubDsl cannot evaluate, a property without an initializer and a method.
    private const string LibrarySource = """
        using HubDsl;

        namespace Shared;

        public sealed record AgentValues : HelmValues
        {
            public int Replicas { get; init; } = 2;
            public string Image { get; init; } = Images.Agent;
            public PullSettings Pull { get; init; } = new();
            public int Port { get; init; }
        }

        public sealed record PullSettings
        {
            public string Policy { get; init; } = "IfNotPresent";
        }

        public static class Images
        {
            public static readonly string Agent = "ghcr.io/example/agent:1.4.2";
        }

        public static class SharedClusters
        {
            public static readonly Cluster Prod = new("prod", "https://prod.example.com") { Labels = { ["env"] = "prod" } };
            public static readonly string Token = System.Environment.GetEnvironmentVariable("TOKEN")!;
            public static int Compute() { return 1; }
        }
        """;

    private const string FleetSource = """
        using HubDsl;

        [Fleet]
        public static class Clusters
        {
            public static readonly Cluster Prod = new("prod", "https://prod.example.com") { Labels = { ["env"] = "prod" } };
        }
        """;

    // Each edit switches the library between two texts: initializers read by other values, one read by nothing
    // else, a property given an initializer, a value that stops evaluating, a method body, a member added.
    private static readonly (string Before, string After)[] Edits =
    {
        ("Replicas { get; init; } = 2;", "Replicas { get; init; } = 3;"),
        ("\"ghcr.io/example/agent:1.4.2\"", "\"ghcr.io/example/agent:1.5.0\""),
        ("Policy { get; init; } = \"IfNotPresent\";", "Policy { get; init; } = \"Always\";"),
        ("public int Port { get; init; }", "public int Port { get; init; } = 8080;"),
        ("\"https://prod.example.com\")", "System.Environment.GetEnvironmentVariable(\"URL\")!)"),
        ("{ return 1; }", "{ return 2; }"),
        ("public static int Compute()", "public static readonly string Extra = \"x\";\n    public static int Compute()"),
    };

    [Theory]
    [InlineData(false, null, "records")]
    [InlineData(false, true, "records")]
    [InlineData(false, false, "off: property")]
    [InlineData(true, null, "off: fleet")]
    [InlineData(true, false, "off: property")]
    [InlineData(true, true, "records")]
    public void A_project_records_its_values_unless_it_declares_a_fleet_or_the_property_says_otherwise(bool declaresFleet, bool? property, string expected)
    {
        var sources = declaresFleet ? new[] { ("Library.cs", LibrarySource), ("Fleet.cs", FleetSource) } : new[] { ("Library.cs", LibrarySource) };
        var recorded = Recorded(Driver(property).RunGenerators(GeneratorHarness.Compile(sources)).GetRunResult());
        var marker = recorded.Single(r => r.Key is "" or "off");
        Assert.Equal(expected, marker.Key == "" ? "records" : "off: " + marker.Value);
        if (expected == "records")
        {
            Assert.Equal("1", marker.Value);
            Assert.Contains(recorded, r => r.Key == "M:Shared.SharedClusters.Prod" && r.Value.Contains("https://prod.example.com", StringComparison.Ordinal));
            Assert.Contains(recorded, r => r.Key == "T:Shared.AgentValues" && r.Value.Contains("IfNotPresent", StringComparison.Ordinal));
            Assert.Contains(recorded, r => r.Key == "M:Shared.SharedClusters.Token" && r.Value.StartsWith('!'));
        }
        else
        {
            Assert.Single(recorded);
        }
    }

    // As MSBuild reads a boolean in a condition, so that HubDsl.props's check and the generator agree.
    [Theory]
    [InlineData("true", true)]
    [InlineData(" True ", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("!false", true)]
    [InlineData("false", false)]
    [InlineData("NO", false)]
    [InlineData("off", false)]
    [InlineData("!yes", false)]
    [InlineData("", null)]
    [InlineData("maybe", null)]
    [InlineData("!", null)]
    public void HubDslRecordValues_is_read_as_MSBuild_reads_a_boolean(string text, bool? expected) =>
        Assert.Equal(expected, RecordingSetting.Parse(text));

    [Fact]
    public void A_project_that_turns_recording_off_does_not_evaluate_its_declarations_for_it()
    {
        var assembly = "ExportTest-" + Guid.NewGuid().ToString("N");
        Driver(false).RunGenerators(Compile(assembly, ("Library.cs", LibrarySource)));
        Assert.Equal(default, EvaluationCaches.RecordedStatistics(assembly));
        Assert.Equal(0, EvaluationCaches.Statistics(assembly).Stored);
    }

    [Fact]
    public void An_unrelated_edit_evaluates_and_writes_nothing_again()
    {
        var assembly = "ExportTest-" + Guid.NewGuid().ToString("N");
        var compilation = Compile(assembly, ("Library.cs", LibrarySource), ("Other.cs", "public class Other { public int X() { return 1; } }"));
        var driver = Driver(null).RunGenerators(compilation);
        var before = EvaluationCaches.RecordedStatistics(assembly);
        Assert.True(before.Held >= 6, "too few texts recorded: " + before);

        var other = compilation.SyntaxTrees.Single(t => t.FilePath == "Other.cs");
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(other, other.WithChangedText(SourceText.From("public class Other { public int X() { return 2; } }")))).GetRunResult();

        var after = EvaluationCaches.RecordedStatistics(assembly);
        Assert.Equal(before.Stored, after.Stored);
        Assert.Equal(before.Held, after.Reused - before.Reused);
        var export = result.Results.Single(r => r.Generator.GetGeneratorType() == typeof(ValuesExportGenerator));
        Assert.All(export.TrackedSteps[ValuesExportGenerator.TrackingName].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(export.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void An_edit_to_one_value_records_it_and_what_is_made_from_it_again()
    {
        var assembly = "ExportTest-" + Guid.NewGuid().ToString("N");
        var compilation = Compile(assembly, ("Library.cs", LibrarySource));
        var driver = Driver(null).RunGenerators(compilation);
        var stored = EvaluationCaches.RecordedStatistics(assembly).Stored;

        // Images.Agent, and AgentValues whose Image default reads it; not the cluster, nor the nested record.
        var tree = compilation.SyntaxTrees.Single();
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(LibrarySource.Replace("agent:1.4.2", "agent:1.5.0", StringComparison.Ordinal))))).GetRunResult();

        Assert.Equal(2, EvaluationCaches.RecordedStatistics(assembly).Stored - stored);
        var recorded = Recorded(result);
        Assert.Contains("agent:1.5.0", recorded.Single(r => r.Key == "T:Shared.AgentValues").Value, StringComparison.Ordinal);
        Assert.Contains("agent:1.5.0", recorded.Single(r => r.Key == "M:Shared.Images.Agent").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warm_generator_records_what_a_cold_one_records_after_any_sequence_of_edits()
    {
        var text = LibrarySource;
        var assembly = "ExportTest-" + Guid.NewGuid().ToString("N");
        var compilation = Compile(assembly, ("Library.cs", text));
        var driver = Driver(null).RunGenerators(compilation);
        var random = new Random(20261124);
        for (var step = 0; step < 60; step++)
        {
            var (before, after) = Edits[random.Next(Edits.Length)];
            text = text.Contains(before, StringComparison.Ordinal) ? text.Replace(before, after, StringComparison.Ordinal) : text.Replace(after, before, StringComparison.Ordinal);
            var tree = compilation.SyntaxTrees.Single();
            compilation = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text)));

            driver = driver.RunGenerators(compilation);
            var warm = Recorded(driver.GetRunResult());
            var cold = Recorded(Driver(null).RunGenerators(Compile("Reference-" + Guid.NewGuid().ToString("N"), ("Library.cs", text))).GetRunResult());
            Assert.True(cold.Count > 5, "the reference run recorded too little");
            Assert.Equal(cold, warm);
        }

        Assert.True(EvaluationCaches.RecordedStatistics(assembly).Reused > 100, "the cache was never used: " + EvaluationCaches.RecordedStatistics(assembly));
    }

    [Fact]
    public void A_property_given_an_initializer_reaches_the_values_made_before_from_its_default()
    {
        // The default object of AgentValues read Port's C# default (0); giving Port an initializer changes no
        // signature, so only reading it as a dependency makes the cached values follow.
        var fleet = """
            using HubDsl;
            using Shared;

            [ApplicationSet("agent")]
            public static class Agent
            {
                public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("env", "prod"));
                public static readonly ApplicationTemplate Template = new($"agent-{Param.Name}")
                {
                    Destination = new(Param.Server, "agent"),
                    Source = new HelmSource("https://github.com/example/agent", "helm/", "main") { ValueFiles = ["values.yaml"] },
                };

                [Values] public static readonly AgentValues Defaults = new();
            }
            """;
        var assembly = "ExportTest-" + Guid.NewGuid().ToString("N");
        var compilation = Compile(assembly, ("Library.cs", LibrarySource), ("Agent.cs", fleet), ("Fleet.cs", FleetSource));
        var driver = Driver(true).RunGenerators(compilation);
        Assert.Contains("port: 0", Values(driver.GetRunResult()), StringComparison.Ordinal);

        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Library.cs");
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(LibrarySource.Replace("public int Port { get; init; }", "public int Port { get; init; } = 8080;", StringComparison.Ordinal))))).GetRunResult();

        Assert.Contains("port: 8080", Values(result), StringComparison.Ordinal);
        Assert.Contains("8080", Recorded(result).Single(r => r.Key == "T:Shared.AgentValues").Value, StringComparison.Ordinal);
    }

    // A compilation of its own name: the evaluation caches are per assembly name and shared by tests running at once.
    private static CSharpCompilation Compile(string assembly, params (string Path, string Source)[] files) => GeneratorHarness.Compile(files).WithAssemblyName(assembly);

    private static GeneratorDriver Driver(bool? recordValues) => CSharpGeneratorDriver.Create(
        new[] { new ManifestGenerator().AsSourceGenerator(), new ValuesExportGenerator().AsSourceGenerator() },
        parseOptions: GeneratorHarness.ParseOptions,
        optionsProvider: BuildProperties.RecordValues(recordValues),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    // The recorded attributes, as (key, value) in file order.
    private static List<KeyValuePair<string, string>> Recorded(GeneratorDriverRunResult result)
    {
        var source = result.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == ValuesExportGenerator.HintName);
        return source.SyntaxTree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>()
            .Select(a => a.ArgumentList!.Arguments.Select(x => ((Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)x.Expression).Token.ValueText).ToList())
            .Select(args => new KeyValuePair<string, string>(args[0], args[1]))
            .ToList();
    }

    private static string Values(GeneratorDriverRunResult result) =>
        GeneratorHarness.ManifestsOf(CSharpCompilation.Create("x", result.GeneratedTrees)).Single(m => m.Path == "helm/values.yaml").Content;
}
