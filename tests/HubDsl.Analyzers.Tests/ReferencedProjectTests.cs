using Microsoft.CodeAnalysis;
using static HubDsl.Analyzers.Tests.ReferenceLayouts;

namespace HubDsl.Analyzers.Tests;

/// <summary>
/// Values records and shared clusters declared in a referenced class library, and HubDsl itself referenced as a
/// project: an editor hands both over as compilations, <c>dotnet build</c> as compiled assemblies. The analyzers
/// must not throw (AD0001, "SyntaxTree is not part of the compilation") and every host must show the same
/// diagnostics and generate the same manifests.
/// </summary>
public sealed class ReferencedProjectTests
{
    internal static readonly (string, string)[] LibrarySources =
    {
        ("/lib/AgentValues.cs", """
            using HubDsl;

            namespace Shared;

            public sealed record AgentValues : HelmValues
            {
                public int Replicas { get; init; } = 2;
                public Resources Resources { get; init; } = new(Requests: new(Memory: "64Mi", Cpu: "100m"), Limits: new(Memory: "128Mi", Cpu: "500m"));
                public string Image { get; init; } = Images.Agent;
                public PullSettings Pull { get; init; } = new();
            }

            public sealed record PullSettings
            {
                public string Policy { get; init; } = "IfNotPresent";
            }

            public static class Images
            {
                public const string Registry = "ghcr.io/example";
                public static readonly string Agent = Registry + "/agent:1.4.2";
            }
            """),
        ("/lib/SharedClusters.cs", """
            using HubDsl;

            namespace Shared;

            public static class SharedClusters
            {
                public static readonly Cluster Staging = new("staging", "https://staging.example.com") { Labels = { ["env"] = "staging", ["deploy"] = "true" } };
                public static readonly Cluster Prod = new("prod", "https://prod.example.com") { Labels = { ["env"] = "prod", ["deploy"] = "true" }, SystemNamespace = "argocd-system" };
                public static readonly Cluster Broken = new("broken", System.Environment.GetEnvironmentVariable("BROKEN_URL")!);
            }
            """),
    };

    internal static readonly (string, string)[] FleetSources =
    {
        ("/fleet/Fleet.cs", """
            using HubDsl;
            using Shared;

            [Fleet]
            public static class Clusters
            {
                public static readonly Cluster Staging = SharedClusters.Staging;
                public static readonly Cluster Prod = SharedClusters.Prod;
            }

            [ApplicationSet("agent")]
            public static class Agent
            {
                public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));

                public static readonly ApplicationTemplate Template = new($"agent-{Param.Name}")
                {
                    Destination = new(Param.Server, "agent"),
                    Source = new HelmSource("https://github.com/example/agent", "helm/", "main")
                    {
                        ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"],
                    },
                };

                [Values] public static readonly AgentValues Defaults = new();
                [Values("staging")] public static readonly AgentValues Staging = Defaults;
                [Values("prod")] public static readonly AgentValues Prod = Defaults with { Replicas = 3, Resources = new(Requests: new(Memory: "64mi", Cpu: "100m")) };
                [Values("qa")] public static readonly AgentValues Qa = Defaults;
            }
            """),
    };

    private static async Task<Outcome> Run(Shape dslShape, Shape libraryShape, (string, string)[]? fleet = null, (string, string)[]? library = null, bool withGenerator = true)
    {
        var dsl = Dsl(dslShape);
        var lib = Library("Shared", library ?? LibrarySources, libraryShape, dsl, withGenerator);
        return await RunAsync(Fleet(fleet ?? FleetSources, dsl, lib));
    }

    [Fact]
    public async Task Every_host_shows_the_same_diagnostics_and_generates_the_same_manifests()
    {
        var build = await Run(Shape.Assembly, Shape.Assembly);
        var editor = await Run(Shape.Project, Shape.Project);
        var mixed1 = await Run(Shape.Assembly, Shape.Project);
        var mixed2 = await Run(Shape.Project, Shape.Assembly);

        // The library's defaults are its initializers, not C# defaults: replicas 2, the image, the nested record.
        Assert.Contains("replicas: 2", build.AllManifests);
        Assert.Contains("image: ghcr.io/example/agent:1.4.2", build.AllManifests);
        Assert.Contains("policy: IfNotPresent", build.AllManifests);
        Assert.Contains("argocd/clusters/prod", build.AllManifests);
        Assert.Contains("argocd-system", build.AllManifests);
        Assert.Equal(
            new[]
            {
                "HUB004 /fleet/Fleet.cs@[1048..1050) Agent.Qa: no targeted cluster reads the values of environment 'qa' ('values-qa.yaml'). Remove them, or label a cluster for that environment.",
                "HUB010 /fleet/Fleet.cs@[969..975) Agent.Prod: resources.requests.memory = '64mi' is not a Kubernetes quantity; did you mean '64Mi'?",
            },
            build.Diagnostics);
        foreach (var host in new[] { editor, mixed1, mixed2 })
        {
            Assert.Equal(build.Diagnostics, host.Diagnostics);
            Assert.Equal(build.Manifests, host.Manifests);
        }
    }

    [Fact]
    public async Task The_example_with_HubDsl_as_a_project_reference_is_what_the_package_gives()
    {
        // The issue's reproduction: csharp-ls opened examples/AgentFleet, whose HubDsl is a project reference, and
        // all five analyzers threw AD0001 from DeclarationEvaluator.ModelFor.
        var sources = DeclarationAnalyzerTests.ExampleSources();
        var package = await RunAsync(Fleet(sources, Dsl(Shape.Assembly)));
        var editor = await RunAsync(Fleet(sources, Dsl(Shape.Project)));
        Assert.Empty(package.Diagnostics);
        Assert.Empty(editor.Diagnostics);
        Assert.NotEmpty(package.Manifests);
        Assert.Equal(package.Manifests, editor.Manifests);
    }

    [Theory]
    [InlineData(Shape.Assembly)]
    [InlineData(Shape.Project)]
    public async Task HUB024_a_shared_cluster_that_cannot_be_evaluated_is_reported_once_where_it_is_used(Shape shape)
    {
        var fleet = FleetSources[0].Item2
            .Replace("public static readonly Cluster Prod = SharedClusters.Prod;", "public static readonly Cluster Prod = SharedClusters.Prod;\n    public static readonly Cluster Broken = SharedClusters.Broken;\n    public static readonly Cluster AlsoBroken = SharedClusters.Broken;");
        var outcome = await Run(Shape.Assembly, shape, new[] { ("/fleet/Fleet.cs", fleet) });
        var referenced = outcome.Diagnostics.Where(d => d.StartsWith("HUB024", StringComparison.Ordinal)).ToList();
        var use = fleet.IndexOf("SharedClusters.Broken", StringComparison.Ordinal);
        Assert.Equal(
            new[] { $"HUB024 /fleet/Fleet.cs@[{use}..{use + "SharedClusters.Broken".Length}) 'SharedClusters.Broken', declared in the referenced assembly 'Shared', cannot be evaluated: calling 'Environment.GetEnvironmentVariable' cannot be evaluated at compile time: HubDsl does not run your code during the build. Use a literal or a declared static member instead." },
            referenced);
        Assert.DoesNotContain(outcome.Diagnostics, d => d.StartsWith("HUB001", StringComparison.Ordinal) || d.StartsWith("AD0001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HUB024_a_library_built_without_the_HubDsl_generator_says_how_to_fix_it()
    {
        var outcome = await Run(Shape.Assembly, Shape.Assembly, withGenerator: false);
        var use = FleetSources[0].Item2.IndexOf("SharedClusters.Staging", StringComparison.Ordinal);
        Assert.Contains(
            $"HUB024 /fleet/Fleet.cs@[{use}..{use + "SharedClusters.Staging".Length}) 'SharedClusters.Staging', declared in the referenced assembly 'Shared', cannot be evaluated: its assembly was built without the HubDsl generator, so its initializer is not in the compiled file. Reference the HubDsl package from that project (it records the values of public declarations), or declare the member in this project.",
            outcome.Diagnostics);
        Assert.DoesNotContain(outcome.Diagnostics, d => d.StartsWith("AD0001", StringComparison.Ordinal));
    }

    // A library that declares a fleet of its own records no values unless asked, and one can turn recording off;
    // both record why, so the fleet's HUB024 names the property to set, for a member and for a record's defaults.
    [Theory]
    [InlineData(null, "its project declares a fleet ([Fleet], [ApplicationSet] or [Hub]), and such a project records no values for other projects unless asked. ")]
    [InlineData(false, "its project sets HubDslRecordValues to false, so it records no values for other projects. ")]
    public async Task HUB024_a_library_that_does_not_record_its_values_names_the_property_to_set(bool? recordValues, string why)
    {
        var library = LibrarySources.Append(("/lib/OwnFleet.cs", "[HubDsl.Fleet] public static class OwnClusters { public static readonly HubDsl.Cluster Dev = new(\"dev\", \"https://dev.example.com\"); }")).ToArray();
        var dsl = Dsl(Shape.Assembly);
        var outcome = await RunAsync(Fleet(FleetSources, dsl, Library("Shared", library, Shape.Assembly, dsl, withGenerator: true, recordValues)));
        var fix = "Add <HubDslRecordValues>true</HubDslRecordValues> to a PropertyGroup of the project that builds 'Shared' (it then records the values of its public declarations), or declare the member in this project.";
        var source = FleetSources[0].Item2;
        var staging = source.IndexOf("SharedClusters.Staging", StringComparison.Ordinal);
        var prod = source.IndexOf("SharedClusters.Prod", StringComparison.Ordinal);
        var defaults = source.IndexOf("new();", StringComparison.Ordinal);
        Assert.Equal(
            new[]
            {
                $"HUB024 /fleet/Fleet.cs@[{staging}..{staging + "SharedClusters.Staging".Length}) 'SharedClusters.Staging', declared in the referenced assembly 'Shared', cannot be evaluated: {why}{fix}",
                $"HUB024 /fleet/Fleet.cs@[{prod}..{prod + "SharedClusters.Prod".Length}) 'SharedClusters.Prod', declared in the referenced assembly 'Shared', cannot be evaluated: {why}{fix}",
                $"HUB024 /fleet/Fleet.cs@[{defaults}..{defaults + "new()".Length}) the property defaults of 'AgentValues', declared in the referenced assembly 'Shared', cannot be evaluated: {why}{fix}",
            }.OrderBy(d => d, StringComparer.Ordinal),
            outcome.Diagnostics.Where(d => d.StartsWith("HUB024", StringComparison.Ordinal)));
        Assert.DoesNotContain(outcome.Diagnostics, d => d.StartsWith("AD0001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_library_with_a_fleet_that_records_its_values_gives_what_the_editor_gives()
    {
        var library = LibrarySources.Append(("/lib/OwnFleet.cs", "[HubDsl.Fleet] public static class OwnClusters { public static readonly HubDsl.Cluster Dev = new(\"dev\", \"https://dev.example.com\"); }")).ToArray();
        var dsl = Dsl(Shape.Assembly);
        var build = await RunAsync(Fleet(FleetSources, dsl, Library("Shared", library, Shape.Assembly, dsl, withGenerator: true, recordValues: true)));
        var editor = await RunAsync(Fleet(FleetSources, dsl, Library("Shared", library, Shape.Project, dsl, withGenerator: true, recordValues: null)));
        Assert.DoesNotContain(build.Diagnostics, d => d.StartsWith("HUB024", StringComparison.Ordinal));
        Assert.Contains("image: ghcr.io/example/agent:1.4.2", build.AllManifests);
        Assert.Equal(editor.Diagnostics, build.Diagnostics);
        Assert.Equal(editor.Manifests, build.Manifests);
    }

    [Theory]
    [InlineData(Shape.Assembly)]
    [InlineData(Shape.Project)]
    public async Task HUB024_a_values_record_whose_defaults_cannot_be_evaluated(Shape shape)
    {
        var library = new[] { LibrarySources[0], LibrarySources[1] };
        library[0] = (library[0].Item1, library[0].Item2.Replace("public int Replicas { get; init; } = 2;", "public int Replicas { get; init; } = System.Environment.ProcessorCount;"));
        var outcome = await Run(Shape.Assembly, shape, library: library);
        var use = FleetSources[0].Item2.IndexOf("new();", StringComparison.Ordinal);
        Assert.Equal(
            string.Join("\n", new[] { $"HUB024 /fleet/Fleet.cs@[{use}..{use + "new()".Length}) the property defaults of 'AgentValues', declared in the referenced assembly 'Shared', cannot be evaluated: 'Environment.ProcessorCount' is declared in 'System.Private.CoreLib', which is not built with HubDsl, so its value is not known at compile time. Use a literal or a declared static member instead." }),
            string.Join("\n", outcome.Diagnostics.Where(d => d.StartsWith("HUB024", StringComparison.Ordinal))));
        Assert.Equal("", string.Join("\n", outcome.Diagnostics.Where(d => !d.StartsWith("HUB024", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData(Shape.Assembly)]
    [InlineData(Shape.Project)]
    public async Task A_mistake_in_a_library_default_is_shown_where_the_fleet_uses_the_record(Shape shape)
    {
        // The library's files are not the fleet's: the finding is placed on the fleet's 'new()', not dropped.
        var library = new[] { LibrarySources[0], LibrarySources[1] };
        library[0] = (library[0].Item1, library[0].Item2.Replace("Limits: new(Memory: \"128Mi\"", "Limits: new(Memory: \"128mi\"", StringComparison.Ordinal));
        var outcome = await Run(shape, shape, library: library);
        var use = FleetSources[0].Item2.IndexOf("new();", StringComparison.Ordinal);
        Assert.Contains(
            $"HUB010 /fleet/Fleet.cs@[{use}..{use + "new()".Length}) Agent.Defaults: resources.limits.memory = '128mi' is not a Kubernetes quantity; did you mean '128Mi'?",
            outcome.Diagnostics);
        Assert.DoesNotContain(outcome.Diagnostics, d => d.StartsWith("AD0001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_library_record_without_initializers_is_silent_in_both_shapes()
    {
        var library = new[] { ("/lib/AgentValues.cs", "namespace Shared; public sealed record AgentValues : HubDsl.HelmValues { public int Replicas { get; init; } }"), LibrarySources[1] };
        var fleet = FleetSources[0].Item2.Replace(", Resources = new(Requests: new(Memory: \"64mi\", Cpu: \"100m\"))", string.Empty).Replace("[Values(\"qa\")] public static readonly AgentValues Qa = Defaults;", string.Empty);
        foreach (var shape in new[] { Shape.Assembly, Shape.Project })
        {
            var outcome = await Run(Shape.Assembly, shape, new[] { ("/fleet/Fleet.cs", fleet) }, library);
            Assert.Empty(outcome.Diagnostics);
            Assert.Contains("replicas: 0", outcome.AllManifests);
        }
    }
}

/// <summary>The generator's evaluation cache, kept across compilations, sees an edit in a referenced library.</summary>
public sealed class ReferencedProjectCacheTests
{
    [Theory]
    [InlineData(Shape.Assembly)]
    [InlineData(Shape.Project)]
    public void A_library_edit_reaches_the_manifests_of_a_warm_generator(Shape shape)
    {
        var dsl = Dsl(Shape.Assembly);
        var before = Library("Shared", ReferencedProjectTests.LibrarySources, shape, dsl);
        var edited = ReferencedProjectTests.LibrarySources.Select(s => (s.Item1, s.Item2.Replace("Replicas { get; init; } = 2;", "Replicas { get; init; } = 5;").Replace("https://staging.example.com", "https://staging-2.example.com"))).ToArray();
        var after = Library("Shared", edited, shape, dsl);
        var fleet = Fleet(ReferencedProjectTests.FleetSources, dsl, before);

        GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new HubDsl.Generators.ManifestGenerator());
        driver = driver.RunGenerators(fleet);
        var first = string.Join("\n", driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()));
        Assert.Contains("replicas: 2", first);

        // Only the reference changes, as when the library project is edited: no fleet tree changes.
        driver = driver.RunGenerators(fleet.ReplaceReference(before, after));
        var second = string.Join("\n", driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()));
        Assert.Contains("replicas: 5", second);
        Assert.Contains("https://staging-2.example.com", second);
        Assert.DoesNotContain("replicas: 2", second);
    }
}
