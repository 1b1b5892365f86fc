using HubDsl.Core.Manifests;
using HubDsl.Core.Yaml;

namespace HubDsl.Generators.Tests;

/// <summary>
/// The failover's external-dns records: Route 53 failover routing as external-dns' AWS provider reads it (two records
/// of one name, set identifiers, aws/failover PRIMARY/SECONDARY, aws/health-check-id), valid against external-dns' CRD.
/// </summary>
public sealed class FailoverDnsTests
{
    private const string Dns = """FailAfter = "5m", PrimaryEndpoint = "prod-lb.eu-west-1.elb.amazonaws.com", StandbyEndpoint = "203.0.113.10", PrimaryHealthCheckId = "3f1c2a9e-7b4d-4e2a-9c8f-1a2b3c4d5e6f" """;

    private static IReadOnlyList<ManifestFile> Generate(string settings) =>
        GeneratorHarness.Generate(("Fleet.cs", FailoverSources.Fleet.Replace("FailAfter = \"FAIL_AFTER\"", settings)));

    [Fact]
    public void Primary_and_secondary_records_for_the_public_host()
    {
        var dns = (YamlMapping)YamlReader.Parse(Generate(Dns).Single(f => f.Path == FleetManifests.DnsFile("app")).Content);
        var endpoints = ((YamlSequence)((YamlMapping)dns["spec"]!)["endpoints"]!).Cast<YamlMapping>().ToList();
        Assert.Equal(2, endpoints.Count);
        Assert.All(endpoints, e => Assert.Equal("app.example.com", e["dnsName"]!.AsString()));

        var primary = endpoints[0];
        Assert.Equal("CNAME", primary["recordType"]!.AsString());
        Assert.Equal("app-prod", primary["setIdentifier"]!.AsString());
        Assert.Equal("prod-lb.eu-west-1.elb.amazonaws.com", ((YamlSequence)primary["targets"]!)[0].AsString());
        Assert.Equal(new[] { "aws/failover=PRIMARY", "aws/health-check-id=3f1c2a9e-7b4d-4e2a-9c8f-1a2b3c4d5e6f" }, ProviderSpecific(primary));

        var secondary = endpoints[1];
        Assert.Equal("A", secondary["recordType"]!.AsString());
        Assert.Equal("app-dr", secondary["setIdentifier"]!.AsString());
        Assert.Equal(new[] { "aws/failover=SECONDARY" }, ProviderSpecific(secondary));
    }

    [Fact]
    public void No_records_without_endpoints_and_none_for_an_incomplete_declaration()
    {
        Assert.DoesNotContain(Generate("FailAfter = \"5m\"").Select(f => f.Path), p => p.StartsWith("dns/", StringComparison.Ordinal));
        var withoutHealthCheck = Generate("""FailAfter = "5m", PrimaryEndpoint = "prod-lb.example.com", StandbyEndpoint = "dr-lb.example.com" """);
        Assert.DoesNotContain(withoutHealthCheck.Select(f => f.Path), p => p.StartsWith("dns/", StringComparison.Ordinal) || p.StartsWith("monitoring/", StringComparison.Ordinal));
    }

    [SchemaFact]
    public void The_DNSEndpoint_validates_against_the_CRD()
    {
        var schema = HubDsl.Tests.Shared.CrdSchema.Load(Path.Combine(SharedSchemas.Folder, "external-dns", "dnsendpoint-crd.yaml"));
        var content = Generate(Dns).Single(f => f.Path == FleetManifests.DnsFile("app")).Content;
        Assert.Empty(schema.Validate(content));
        // The check can fail: a misspelt field and a TTL that is not a number.
        var errors = schema.Validate(content.Replace("setIdentifier:", "setIdentfier:").Replace("recordTTL: 60", "recordTTL: one-minute"));
        Assert.Contains(errors, e => e.Contains("setIdentfier: NoAdditionalPropertiesAllowed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("recordTTL: IntegerExpected", StringComparison.Ordinal));
    }

    private static string[] ProviderSpecific(YamlMapping endpoint) =>
        ((YamlSequence)endpoint["providerSpecific"]!).Cast<YamlMapping>().Select(p => p["name"]!.AsString() + "=" + p["value"]!.AsString()).ToArray();
}
