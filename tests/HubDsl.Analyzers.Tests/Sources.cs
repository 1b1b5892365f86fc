namespace HubDsl.Analyzers.Tests;

/// <summary>Small fleets for rule tests: one ApplicationSet over a fleet, with placeholders to vary.</summary>
internal static class Sources
{
    public const string Values = """
        public sealed record AppValues : HubDsl.HelmValues
        {
            public int Replicas { get; init; } = 1;
            public HubDsl.Resources Resources { get; init; } = new(Requests: new("64Mi", "100m"), Limits: new("128Mi", "500m"));
            public string? DbPassword { get; init; }
            public string? DbPasswordSecretName { get; init; }
        }
        """;

    /// <summary>A valid fleet; replace CLUSTERS, SELECTOR, TEMPLATE_EXTRA, VALUES to plant a mistake.</summary>
    public const string Fleet = """
        using HubDsl;

        [Fleet]
        public static class Clusters
        {
        CLUSTERS
        }

        [ApplicationSet("app")]
        public static class App
        {
            public static readonly ClusterSelector Targets = SELECTOR;

            public static readonly ApplicationTemplate Template = new($"app-{Param.Name}")
            {
                Destination = new(Param.Server, "app"),
                Source = new HelmSource("https://github.com/example/app", "chart/", "main")
                {
                    ValueFiles = ["values.yaml", $"values-{Param.Label("env")}.yaml"],
                },
        TEMPLATE_EXTRA
            };

        VALUES
        }
        """;

    public const string DefaultClusters = """
            public static readonly Cluster Staging = new("staging", "https://staging.example.com") { Labels = { ["env"] = "staging", ["deploy"] = "true" } };
            public static readonly Cluster Prod = new("prod", "https://prod.example.com") { Labels = { ["env"] = "prod", ["deploy"] = "true" } };
        """;

    public const string DefaultValues = """
            [Values] public static readonly AppValues Defaults = new();
            [Values("staging")] public static readonly AppValues Staging = Defaults;
            [Values("prod")] public static readonly AppValues Prod = Defaults with { Replicas = 3 };
        """;

    public static string Make(string? clusters = null, string? selector = null, string? templateExtra = null, string? values = null) =>
        Fleet.Replace("CLUSTERS", clusters ?? DefaultClusters)
             .Replace("SELECTOR", selector ?? "ClusterSelector.WithLabels((\"deploy\", \"true\"))")
             .Replace("TEMPLATE_EXTRA", templateExtra ?? string.Empty)
             .Replace("VALUES", values ?? DefaultValues)
        + "\n" + Values;
}
