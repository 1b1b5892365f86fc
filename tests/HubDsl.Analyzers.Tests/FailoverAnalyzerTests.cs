namespace HubDsl.Analyzers.Tests;

using Verify = AnalyzerVerifier<FailoverAnalyzer>;

/// <summary>HUB028 to HUB031: failover pairs, each rule firing at its place and silent on the near miss.</summary>
public sealed class FailoverAnalyzerTests
{
    private const string Clusters = """
            public static readonly Cluster Prod = new("prod", "https://prod.example.com") { Labels = { ["env"] = "prod", ["deploy"] = "true", ["topology.kubernetes.io/region"] = "eu-west-1" } };
            public static readonly Cluster Dr = new("dr", "https://dr.example.com") { Labels = { ["env"] = "dr", ["deploy"] = "DR_DEPLOY", ["topology.kubernetes.io/region"] = "DR_REGION" } };
        """;

    private const string Values = """
            [Values] public static readonly AppValues Defaults = new();
            [Values("prod")] public static readonly AppValues Prod = Defaults with { Replicas = 3 };
            DR_VALUES
            public static readonly Failover Failover = new("app", PRIMARY, STANDBY) { Host = HOST, FailAfter = FAIL_AFTER };
        """;

    private static string Make(
        string drDeploy = "true",
        string drRegion = "eu-central-1",
        string drValues = "[Values(\"dr\")] public static readonly AppValues Dr = Prod with { DbPasswordSecretName = \"dr-db\" };",
        string primary = "Clusters.Prod",
        string standby = "Clusters.Dr",
        string host = "\"app.example.com\"",
        string failAfter = "\"5m\"") =>
        Sources.Make(
            clusters: Clusters.Replace("DR_DEPLOY", drDeploy).Replace("DR_REGION", drRegion),
            values: Values.Replace("DR_VALUES", drValues).Replace("PRIMARY", primary).Replace("STANDBY", standby).Replace("HOST", host).Replace("FAIL_AFTER", failAfter));

    [Fact]
    public Task A_valid_pair_is_silent() => Verify.VerifyAsync(Make());

    [Fact]
    public Task HUB028_a_standby_the_selector_does_not_target() => Verify.VerifyAsync(
        Make(drDeploy: "false", standby: "{|#0:Clusters.Dr|}"),
        Verify.Diagnostic("HUB028").WithLocation(0).WithArguments("App.Failover: the standby cluster 'dr' is not targeted by ApplicationSet 'app' (its selector 'deploy=true' does not match the cluster's labels), so it does not run the Applications it is to take over. Label the cluster so the selector matches it, or widen the selector."));

    [Fact]
    public Task HUB029_dr_gets_fewer_replicas_than_prod() => Verify.VerifyAsync(
        Make(drValues: "[Values(\"dr\")] public static readonly AppValues {|#0:Dr|} = Defaults;"),
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("HUB029", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments("App.Failover: standby 'dr' gets the values of 'dr' (Dr) and primary 'prod' gets the values of 'prod' (Prod), which differ in replicas; after a failover the standby cannot carry the primary's load. Derive the standby's values from the primary's (e.g. Dr = Prod with { ... }) and change only what is not capacity."));

    [Fact]
    public Task HUB029_dr_with_other_resources() => Verify.VerifyAsync(
        Make(drValues: "[Values(\"dr\")] public static readonly AppValues {|#0:Dr|} = Prod with { Resources = new(Requests: new(\"32Mi\", \"100m\"), Limits: new(\"128Mi\", \"500m\")) };"),
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("HUB029", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments("App.Failover: standby 'dr' gets the values of 'dr' (Dr) and primary 'prod' gets the values of 'prod' (Prod), which differ in resources; after a failover the standby cannot carry the primary's load. Derive the standby's values from the primary's (e.g. Dr = Prod with { ... }) and change only what is not capacity."));

    [Fact]
    public Task HUB030_standby_in_the_primary_region() => Verify.VerifyAsync(
        Make(drRegion: "eu-west-1", standby: "{|#0:Clusters.Dr|}"),
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("HUB030", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments("App.Failover: standby 'dr' is in region 'eu-west-1' (label topology.kubernetes.io/region), the primary's region; a regional outage takes both down. Put the standby in another region."));

    [Fact]
    public Task HUB030_is_silent_when_regions_are_not_declared() => Verify.VerifyAsync(
        Sources.Make(
            clusters: Clusters.Replace(", [\"topology.kubernetes.io/region\"] = \"eu-west-1\"", string.Empty).Replace("DR_DEPLOY", "true").Replace(", [\"topology.kubernetes.io/region\"] = \"DR_REGION\"", string.Empty),
            values: Values.Replace("DR_VALUES", "[Values(\"dr\")] public static readonly AppValues Dr = Prod;").Replace("PRIMARY", "Clusters.Prod").Replace("STANDBY", "Clusters.Dr").Replace("HOST", "\"app.example.com\"").Replace("FAIL_AFTER", "\"90s\"")));

    [Theory]
    [InlineData("\"App.Example.com\"", "Host 'App.Example.com' is not a DNS name: 'App' must be 1 to 63 lowercase letters, digits and '-', starting and ending with a letter or digit.")]
    [InlineData("\"agent\"", "Host 'agent' is not a fully qualified name; use the name users reach, such as agent.example.com.")]
    [InlineData("\"\"", "Host '' is empty; declare the public host name users reach, e.g. Host = \"agent.example.com\".")]
    public Task HUB031_a_bad_host_name(string host, string message) => Verify.VerifyAsync(
        Make(host: "{|#0:" + host + "|}"),
        Verify.Diagnostic("HUB031").WithLocation(0).WithArguments("App.Failover: " + message));

    [Theory]
    [InlineData("5 minutes")]
    [InlineData("0s")]
    [InlineData("5m1h")]
    [InlineData("2w")]
    public Task HUB031_a_bad_duration(string duration) => Verify.VerifyAsync(
        Make(failAfter: "{|#0:\"" + duration + "\"|}"),
        Verify.Diagnostic("HUB031").WithLocation(0).WithArguments("App.Failover: FailAfter '" + duration + "' must be a Prometheus duration between 1s and 1w, such as 30s, 5m or 1h30m."));

    [Fact]
    public Task HUB031_a_cluster_no_fleet_declares() => Verify.VerifyAsync(
        Make(standby: "{|#0:new Cluster(\"elsewhere\", \"https://elsewhere.example.com\")|}"),
        Verify.Diagnostic("HUB031").WithLocation(0).WithArguments("App.Failover: the standby cluster 'elsewhere' is not declared by any [Fleet] in the ApplicationSet's namespace; Argo CD has no such cluster. Use a cluster of the fleet."));

    [Fact]
    public Task HUB031_the_standby_is_the_primary() => Verify.VerifyAsync(
        Make(standby: "{|#0:Clusters.Prod|}"),
        Verify.Diagnostic("HUB031").WithLocation(0).WithArguments("App.Failover: the standby is the primary itself ('prod'); name another cluster."));

    [Theory]
    [InlineData("1h30m")]
    [InlineData("30s")]
    [InlineData("1w")]
    public Task Valid_durations_are_silent(string duration) => Verify.VerifyAsync(Make(failAfter: "\"" + duration + "\""));

    [Fact]
    public Task HUB031_a_traffic_label_value_that_is_not_a_label_value() => Verify.VerifyAsync(
        Make(failAfter: "\"5m\", TrafficLabel = {|#0:(\"traffic\", \"is active\")|}"),
        Verify.Diagnostic("HUB031").WithLocation(0).WithArguments("App.Failover: the traffic label value 'is active' is not a non-empty label value: it must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'."));

    [Fact]
    public Task A_declared_traffic_label_is_silent() => Verify.VerifyAsync(Make(failAfter: "\"5m\", TrafficLabel = (\"failover.example.com/serving\", \"yes\")"));

    [Fact]
    public Task HUB031_DNS_failover_without_a_primary_health_check() => Verify.VerifyAsync(
        Make(failAfter: "\"5m\", PrimaryEndpoint = {|#0:\"prod-lb.example.com\"|}, StandbyEndpoint = \"dr-lb.example.com\""),
        Verify.Diagnostic("HUB031").WithLocation(0).WithArguments("App.Failover: PrimaryHealthCheckId is missing: Route 53 fails over only when the primary record's health check fails, and external-dns does not create health checks. Create one for app.example.com/healthz and give its ID."));

    [Fact]
    public Task HUB031_an_endpoint_that_is_no_host_or_address_and_a_bad_health_check_id() => Verify.VerifyAsync(
        Make(failAfter: "\"5m\", PrimaryEndpoint = \"prod-lb.example.com\", StandbyEndpoint = {|#0:\"https://dr-lb\"|}, PrimaryHealthCheckId = {|#1:\"hc-1\"|}"),
        Verify.Diagnostic("HUB031").WithLocation(0).WithArguments("App.Failover: StandbyEndpoint 'https://dr-lb' is neither a DNS name nor an IP address; give the cluster's load balancer host name or address."),
        Verify.Diagnostic("HUB031").WithLocation(1).WithArguments("App.Failover: PrimaryHealthCheckId 'hc-1' is not a Route 53 health check ID (a UUID such as 3f1c2a9e-7b4d-4e2a-9c8f-1a2b3c4d5e6f)."));

    [Fact]
    public Task Complete_DNS_failover_is_silent() => Verify.VerifyAsync(
        Make(failAfter: "\"5m\", PrimaryEndpoint = \"prod-lb.example.com\", StandbyEndpoint = \"2001:db8::10\", PrimaryHealthCheckId = \"3f1c2a9e-7b4d-4e2a-9c8f-1a2b3c4d5e6f\""));
}
