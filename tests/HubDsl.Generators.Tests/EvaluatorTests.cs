using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;
using HubDsl.Generators.Binding;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Tests;

/// <summary>
/// The compile-time evaluator: what it evaluates, and HUB001 on the exact expression it cannot.
/// </summary>
public sealed class EvaluatorTests
{
    private const string Header = "using HubDsl;\nusing System.Collections.Generic;\n";

    [Fact]
    public void Evaluates_constants_interpolation_with_collection_expressions_spreads_and_references()
    {
        const string source = Header + """
            public static class Names { public const string Env = "env"; public static readonly string Region = "eu" + "-west"; }
            [Fleet]
            public static class Fleet
            {
                private static readonly string[] Extra = ["c", "d"];
                public static readonly Cluster A = new(nameof(A).ToLowerInvariant() is var _ ? "a" : "a", $"https://{Names.Region}.example.com")
                {
                    Labels = { [Names.Env] = "prod", ["deploy"] = "true" },
                    Annotations = { { "added", "by Add" } },
                    Namespaces = ["a", "b", .. Extra],
                };
            }
            """;
        // The pattern above is not a constant: HUB001 names it; the rest of the fleet is still checked.
        var errors = ReadFleet(source, out _);
        Assert.Single(errors);
        Assert.Contains("cannot be evaluated", errors[0].Message);

        var fixedSource = source.Replace("nameof(A).ToLowerInvariant() is var _ ? \"a\" : \"a\"", "\"a\"");
        Assert.Empty(ReadFleet(fixedSource, out var fleet));
        var cluster = Assert.Single(fleet.Clusters);
        Assert.Equal("https://eu-west.example.com", cluster.Server);
        Assert.Equal(new[] { ("env", "prod"), ("deploy", "true") }, cluster.Labels.Select(l => (l.Key, l.Value)));
        Assert.Equal(new[] { ("added", "by Add") }, cluster.Annotations.Select(l => (l.Key, l.Value)));
        Assert.Equal(new[] { "a", "b", "c", "d" }, cluster.Namespaces);
    }

    [Theory]
    [InlineData("System.Environment.GetEnvironmentVariable(\"HOME\")", "calling 'Environment.GetEnvironmentVariable'")]
    [InlineData("System.DateTime.Now.ToString()", "calling 'DateTime.ToString'")]
    [InlineData("string.Format(\"{0}\", 1)", "calling 'String.Format'")]
    [InlineData("$\"{Count,5}\"", "alignment and format specifiers")]
    [InlineData("Counter++.ToString()", "cannot be evaluated")]
    public void HUB001_points_at_the_expression_it_cannot_evaluate(string expression, string message)
    {
        var source = Header + """
            [Fleet]
            public static class Fleet
            {
                public static int Count = 3;
                public static int Counter;
                public static readonly Cluster A = new("a", "https://a.example.com")
                {
                    Labels = { ["env"] = EXPR },
                };
            }
            """.Replace("EXPR", expression);
        var errors = ReadFleet(source, out var fleet);
        var error = Assert.Single(errors);
        Assert.Contains(message, error.Message);
        Assert.NotNull(error.Origin);
        var start = source.IndexOf(expression, StringComparison.Ordinal);
        Assert.True(error.Origin!.Start >= start && error.Origin.Start + error.Origin.Length <= start + expression.Length,
            "HUB001 must sit on the expression '" + expression + "', not at " + source.Substring(error.Origin.Start, error.Origin.Length));
        Assert.Empty(fleet.Clusters); // a cluster that cannot be evaluated is not generated
    }

    [Fact]
    public void A_cycle_between_static_members_is_reported_not_overflowed()
    {
        const string source = Header + """
            public sealed record V : HelmValues { public int Replicas { get; init; } }
            [ApplicationSet("app")]
            public static class App
            {
                public static readonly ClusterSelector Targets = ClusterSelector.All;
                public static readonly ApplicationTemplate Template = new("app") { Destination = new(Param.Server, "ns"), Source = new HelmSource("https://r", "c") };
                [Values("a")] public static readonly V A = B with { Replicas = 1 };
                [Values("b")] public static readonly V B = A with { Replicas = 2 };
            }
            """;
        var errors = ReadApplicationSet(source, out var model);
        Assert.Contains(errors, e => e.Message.Contains("refers to itself"));
        Assert.Null(model);
    }

    [Fact]
    public void Binding_errors_name_the_declaration_and_the_fix()
    {
        const string source = Header + """
            [ApplicationSet("Bad_Name")]
            public static class App
            {
                public static readonly ApplicationTemplate Template = new("app") { Destination = new(Param.Server, "ns"), Source = new HelmSource("https://r", "c") };
            }
            """;
        var errors = ReadApplicationSet(source, out var model);
        Assert.Null(model);
        Assert.Contains(errors, e => e.Message.StartsWith("App: the ApplicationSet name 'Bad_Name' is not a valid Kubernetes name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.StartsWith("App: needs a ClusterSelector member", StringComparison.Ordinal));
    }

    [Fact]
    public void Records_take_defaults_from_initializers_positional_parameters_and_with()
    {
        const string source = Header + """
            public enum Mode { Fast, [ValuesKey("slow-mode")] Slow }
            public sealed record Inner(string Name, int Size = 2, Mode Mode = Mode.Slow);
            public sealed record V : HelmValues
            {
                public Inner Inner { get; init; } = new("x");
                public List<int> Ports { get; init; } = new() { 80, 443 };
                public bool? Maybe { get; init; }
                public decimal Ratio { get; init; } = 1.5m;
            }
            [ApplicationSet("app")]
            public static class App
            {
                public static readonly ClusterSelector Targets = ClusterSelector.All;
                public static readonly ApplicationTemplate Template = new("app") { Destination = new(Param.Server, "ns"), Source = new HelmSource("https://r", "chart") };
                [Values] public static readonly V Defaults = new() { Maybe = true };
                [Values("b")] public static readonly V B = Defaults with { Inner = Defaults.Inner with { Size = 3 }, Maybe = null };
            }
            """;
        Assert.Empty(ReadApplicationSet(source, out var model));
        var defaults = model!.Values.Single(v => v.Environment is null).Values;
        Assert.Equal("inner:\n  name: x\n  size: 2\n  mode: slow-mode\nports:\n  - 80\n  - 443\nmaybe: true\nratio: 1.5\n", YamlWriter.Write(defaults));
        var b = model.Values.Single(v => v.Environment == "b").Values;
        Assert.Equal("inner:\n  name: x\n  size: 3\n  mode: slow-mode\nports:\n  - 80\n  - 443\nmaybe: null\nratio: 1.5\n", YamlWriter.Write(b));
    }

    private static IReadOnlyList<DeclarationError> ReadFleet(string source, out FleetModel fleet)
    {
        var (type, attribute, compilation) = Declaration(source, "Fleet");
        fleet = DeclarationBinder.BindFleet(type, attribute, compilation, recordOrigins: true, default, out var errors);
        return errors;
    }

    private static IReadOnlyList<DeclarationError> ReadApplicationSet(string source, out ApplicationSetModel? model)
    {
        var (type, attribute, compilation) = Declaration(source, "App");
        model = DeclarationBinder.BindApplicationSet(type, attribute, compilation, recordOrigins: true, default, out var errors);
        return errors;
    }

    private static (INamedTypeSymbol, AttributeData, Compilation) Declaration(string source, string typeName)
    {
        var compilation = GeneratorHarness.Compile(("Fleet.cs", source));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var type = compilation.GetTypeByMetadataName(typeName)!;
        return (type, type.GetAttributes().Single(a => a.AttributeClass!.Name is "FleetAttribute" or "ApplicationSetAttribute"), compilation);
    }
}
