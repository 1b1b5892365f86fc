using System.Text;

namespace HubDsl.Benchmarks;

/// <summary>
/// C# source of a synthetic fleet: N clusters over four environments and M ApplicationSets with typed values
/// per environment, for measuring the generator and analyzers as fleets grow. The first ApplicationSet, "agent",
/// targets every cluster; each further one ("agent-2", ...) targets the prod and dr clusters.
/// </summary>
public static class SyntheticFleetSource
{
    public static string Write(int clusters, int applicationSets = 1)
    {
        var sb = new StringBuilder();
        sb.Append("using HubDsl;\n\nnamespace Synthetic;\n\n[Fleet]\npublic static partial class Clusters\n{\n");
        for (var i = 0; i < clusters; i++)
        {
            var env = SyntheticFleet.Environments[i % SyntheticFleet.Environments.Length];
            sb.Append("    public static readonly Cluster C").Append(i).Append(" = new(\"cluster-").Append(i).Append("\", \"https://cluster-").Append(i)
              .Append(".example.com:6443\")\n    {\n        Labels = { [\"env\"] = \"").Append(env).Append("\", [\"region\"] = \"region-").Append(i % 7)
              .Append("\", [\"deploy\"] = \"true\" },\n    };\n\n");
        }

        sb.Append("}\n\n");
        sb.Append("""
            public sealed record AppValues : HelmValues
            {
                public int Replicas { get; init; } = 1;
                public Resources Resources { get; init; } = new(new("64Mi", "100m"), new("128Mi", "500m"));
                public SecurityContext SecurityContext { get; init; } = new(RunAsNonRoot: true);
            }

            [ApplicationSet("agent")]
            public static partial class Agent
            {
                public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));

                public static readonly ApplicationTemplate Template = new($"agent-{Param.Name}")
                {
                    Destination = new(Param.Server, "agent"),
                    Source = new HelmSource("https://github.com/example/agent", "helm/", "main")
                    {
                        ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"],
                        Values = { ["cluster"] = Param.Name, ["region"] = Param.Label("region") },
                    },
                    SyncPolicy = new() { Automated = new(Prune: true, SelfHeal: true) },
                };

                [Values] public static readonly AppValues Defaults = new();
                [Values("staging")] public static readonly AppValues Staging = Defaults;
                [Values("prod")] public static readonly AppValues Prod = Defaults with { Replicas = 3, Resources = new(new("512Mi", "500m"), new("1Gi", "1")) };
                [Values("dr")] public static readonly AppValues Dr = Prod;
                [Values("qa")] public static readonly AppValues Qa = Defaults with { Replicas = 2 };
            }

            """);
        for (var m = 2; m <= applicationSets; m++) sb.Append(ExtraApplicationSet(m));
        return sb.ToString();
    }

    private static string ExtraApplicationSet(int m) => $$"""

        [ApplicationSet("agent-{{m}}")]
        public static partial class Agent{{m}}
        {
            public static readonly ClusterSelector Targets = ClusterSelector.Where(LabelExpression.In("env", "prod", "dr"));

            public static readonly ApplicationTemplate Template = new($"agent-{{m}}-{Param.Name}")
            {
                Destination = new(Param.Server, "agent-{{m}}"),
                Source = new HelmSource("https://github.com/example/agent", "charts/agent-{{m}}/", "main")
                {
                    ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"],
                },
            };

            [Values] public static readonly AppValues Defaults = new() { Replicas = {{m}} };
            [Values("prod")] public static readonly AppValues Prod = Defaults with { Replicas = {{m + 2}} };
            [Values("dr")] public static readonly AppValues Dr = Prod;
        }

        """;
}
