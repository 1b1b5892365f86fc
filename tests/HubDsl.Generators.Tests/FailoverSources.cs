namespace HubDsl.Generators.Tests;

/// <summary>A small fleet with a prod to dr failover, for the failover files' tests.</summary>
internal static class FailoverSources
{
    public const string Fleet = """
        using HubDsl;

        [Fleet]
        public static class Clusters
        {
            public static readonly Cluster Staging = new("staging", "https://staging.example.com") { Labels = { ["env"] = "staging", ["deploy"] = "true" } };
            public static readonly Cluster Prod = new("prod", "https://prod.example.com") { Labels = { ["env"] = "prod", ["deploy"] = "true" } };
            public static readonly Cluster Dr = new("dr", "https://dr.example.com") { Labels = { ["env"] = "dr", ["deploy"] = "true" } };
        }

        public sealed record AppValues : HelmValues
        {
            public int Replicas { get; init; } = 1;
        }

        [ApplicationSet("app")]
        public static class App
        {
            public static readonly ClusterSelector Targets = ClusterSelector.WithLabels(("deploy", "true"));

            public static readonly ApplicationTemplate Template = new($"app-{Param.Name}")
            {
                Destination = new(Param.Server, "app"),
                Source = new HelmSource("https://github.com/example/app", "chart/", "main")
                {
                    ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"],
                },
            };

            [Values] public static readonly AppValues Defaults = new();
            [Values("staging")] public static readonly AppValues Staging = Defaults;
            [Values("prod")] public static readonly AppValues Prod = Defaults with { Replicas = 3 };
            [Values("dr")] public static readonly AppValues Dr = Prod;

            public static readonly Failover Failover = new("app", Clusters.Prod, Clusters.Dr) { Host = "app.example.com", FailAfter = "FAIL_AFTER" };
        }
        """;

    public static (string Path, string Source)[] Make(string failAfter = "5m") => new[] { ("Fleet.cs", Fleet.Replace("FAIL_AFTER", failAfter)) };
}
