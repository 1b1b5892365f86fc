using System.Text;
using HubDsl.Core.Declarations;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Generators.Binding;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Tests;

/// <summary>
/// GeneratedPaths (what HUB019 and HUB020 judge) lists exactly the paths the generator embeds, and names HubDsl
/// derives from long Kubernetes names stay within the 255-byte file name limit.
/// </summary>
public sealed class GeneratedPathsTests
{
    private const string LongNamesFleet = """
        using HubDsl;

        [Fleet]
        public static class Clusters
        {
            public static readonly Cluster Edge = new("CLUSTER", "https://edge.example.com") { Labels = { ["env"] = "prod", ["deploy"] = "true" } };
        }

        [ApplicationSet("APPSET")]
        public static class App
        {
            public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));
            public static readonly AppProject Project = new("PROJECT");
            public static readonly ApplicationTemplate Template = new($"app-{Param.Name}")
            {
                Destination = new(Param.Server, "app"),
                Source = new HelmSource("https://github.com/example/app", "./charts//app/", "main") { ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"] },
            };

            [Values] public static readonly AppValues Defaults = new();
            [Values("prod")] public static readonly AppValues Prod = Defaults with { Db = new("SECRET", Store: "vault", RemoteKey: "db") };
        }

        public sealed record AppValues : HelmValues
        {
            public int Replicas { get; init; } = 1;
            public ExternalSecretRef? Db { get; init; }
        }
        """;

    [Fact]
    public void The_example_s_paths_are_the_generator_s_paths()
    {
        var sources = GeneratorHarness.ExampleSources("AgentFleet");
        Assert.Equal(GeneratorPaths(sources), ListedPaths(sources));
    }

    [Fact]
    public void Long_names_and_a_messy_chart_path_give_the_generator_s_paths()
    {
        var sources = new[] { ("Fleet.cs", Fleet(new string('c', 300), new string('a', 252), new string('p', 253), new string('s', 253))) };
        var generated = GeneratorPaths(sources);
        Assert.Equal(generated, ListedPaths(sources));
        Assert.Contains("charts/app/values.yaml", generated); // "./charts//app/" cleaned, as Argo CD reads it
    }

    [Fact]
    public void A_252_character_ApplicationSet_name_gets_a_stable_file_name_within_255_bytes()
    {
        var name = new string('a', 252);
        var files = GeneratorHarness.Generate(("Fleet.cs", Fleet("edge", name, "proj", "db")));
        var appSet = files.Single(f => f.Path.StartsWith("argocd/applicationsets/", StringComparison.Ordinal));
        var fileName = appSet.Path.Substring("argocd/applicationsets/".Length);
        Assert.Equal(255, Encoding.UTF8.GetByteCount(fileName));
        Assert.Matches("^a{241}-[0-9a-f]{8}\\.yaml$", fileName);
        Assert.Contains("  name: " + name + "\n", appSet.Content); // the object keeps its full name

        // The same name gives the same file; another long name with the same start gives another.
        Assert.Equal(appSet.Path, GeneratorHarness.Generate(("Fleet.cs", Fleet("edge", name, "proj", "db"))).Single(f => f.Path == appSet.Path).Path);
        var other = GeneratorHarness.Generate(("Fleet.cs", Fleet("edge", new string('a', 251) + "b", "proj", "db")))
            .Single(f => f.Path.StartsWith("argocd/applicationsets/", StringComparison.Ordinal));
        Assert.NotEqual(appSet.Path, other.Path);
    }

    [Fact]
    public void Every_derived_name_stays_within_255_bytes_even_with_multibyte_letters()
    {
        var files = GeneratorHarness.Generate(("Fleet.cs", Fleet(new string('é', 200), new string('a', 253), new string('p', 253), new string('s', 253))));
        Assert.All(files.SelectMany(f => f.Path.Split('/')), segment => Assert.InRange(Encoding.UTF8.GetByteCount(segment), 1, 255));
        Assert.Contains(files, f => f.Path.StartsWith("spokes/" + new string('é', 123) + "-", StringComparison.Ordinal));
    }

    private static string Fleet(string cluster, string appSet, string project, string secret) =>
        LongNamesFleet.Replace("CLUSTER", cluster).Replace("APPSET", appSet).Replace("PROJECT", project).Replace("SECRET", secret);

    private static List<string> GeneratorPaths((string Path, string Source)[] sources) =>
        GeneratorHarness.Generate(sources).Select(f => f.Path).Where(p => p != FleetManifests.HubValuesFile).OrderBy(p => p, StringComparer.Ordinal).ToList();

    // The models as the analyzers read them, listed by GeneratedPaths.
    private static List<string> ListedPaths((string Path, string Source)[] sources)
    {
        // As the analyzers see it: with the generator's output ([ChartValues] records' properties).
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compile(sources), out var compilation, out _);
        var fleets = new List<FleetModel>();
        var appSets = new List<ApplicationSetModel>();
        foreach (var type in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>().OrderBy(t => t.ToDisplayString(), StringComparer.Ordinal))
        {
            foreach (var attribute in type.GetAttributes())
            {
                var name = attribute.AttributeClass?.ToDisplayString();
                if (name == DslNames.FleetAttribute) fleets.Add(DeclarationBinder.BindFleet(type, attribute, compilation, recordOrigins: true, System.Threading.CancellationToken.None, out _));
                if (name == DslNames.ApplicationSetAttribute && DeclarationBinder.BindApplicationSet(type, attribute, compilation, recordOrigins: true, System.Threading.CancellationToken.None, out _) is { } model) appSets.Add(model);
            }
        }

        return GeneratedPaths.For(fleets, appSets).Select(p => p.Path).OrderBy(p => p, StringComparer.Ordinal).ToList();
    }
}
