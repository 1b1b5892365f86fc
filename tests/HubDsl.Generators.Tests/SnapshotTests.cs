namespace HubDsl.Generators.Tests;

/// <summary>Golden files of every manifest the generator writes: the example's committed output, and smaller fleets.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void AgentFleet_example() => Snapshot.MatchExample("AgentFleet", GeneratorHarness.GenerateExample("AgentFleet"));

    [Fact]
    public void GoTemplate_mode_with_missingkey_error_generator_values_and_expressions()
    {
        const string source = """
            using HubDsl;
            namespace Small;

            [Fleet(Namespace = "gitops")]
            public static class Regions
            {
                public static readonly Cluster EuWest = new("eu-west", "https://10.0.0.1:6443")
                {
                    Labels = { ["region"] = "eu", ["tier"] = "gold", ["team.example.com/owner"] = "payments" },
                    Annotations = { ["note"] = "yes" },
                    Project = "payments",
                    Namespaces = ["payments", "payments-jobs"],
                };
            }

            [ApplicationSet("payments", Namespace = "gitops", GoTemplate = true, MissingKey = MissingKey.Error)]
            public static class Payments
            {
                public static readonly ClusterGenerator Generator = new(ClusterSelector.Where(
                    LabelExpression.In("region", "eu", "us"),
                    LabelExpression.NotIn("tier", "bronze"),
                    LabelExpression.Exists("team.example.com/owner")))
                {
                    Values = { ["revision"] = "v1.2.3", ["release-channel"] = "stable" },
                };

                public static readonly ApplicationTemplate Template = new($"payments-{Param.NameNormalized}")
                {
                    Labels = { ["owner"] = Param.Label("team.example.com/owner") },
                    Project = "payments",
                    Destination = new(Param.Server, "payments"),
                    Source = new HelmSource("https://github.com/example/payments.git", "charts/payments")
                    {
                        TargetRevision = Param.Value("revision"),
                        ValueFiles = ["values.yaml", $"values-{Param.Label("region")}.yaml"],
                        Values = { ["channel"] = Param.Value("release-channel"), ["replicas"] = 2, ["debug"] = false },
                    },
                };

                [Values] public static readonly PaymentValues Defaults = new();
                [Values("eu")] public static readonly PaymentValues Eu = Defaults with { Image = Defaults.Image with { Tag = "2.0" }, Flags = ["gdpr"] };
            }

            public enum PullPolicy { Always, IfNotPresent, [ValuesKey("never")] Never }

            public sealed record Image(string Repository, string Tag = "1.0", PullPolicy PullPolicy = PullPolicy.IfNotPresent);

            public sealed record PaymentValues : HelmValues
            {
                public Image Image { get; init; } = new("ghcr.io/example/payments");
                [ValuesKey("featureFlags")] public string[] Flags { get; init; } = [];
                public double Ratio { get; init; } = 0.5;
                public string? Optional { get; init; }
                public System.Collections.Generic.Dictionary<string, string> Env { get; init; } = new() { ["LOG_LEVEL"] = "info", ["ON"] = "on" };
            }
            """;
        Snapshot.Match("GoTemplateSmallFleet", GeneratorHarness.Generate(("Payments.cs", source)));
    }

    [Fact]
    public void A_fleet_alone_writes_only_cluster_secrets()
    {
        const string source = """
            using HubDsl;
            [Fleet]
            public static class Lab
            {
                public static readonly Cluster Local = new("kind-lab", "https://127.0.0.1:6443/");
            }
            """;
        Snapshot.Match("FleetOnly", GeneratorHarness.Generate(("Lab.cs", source)));
    }
}
