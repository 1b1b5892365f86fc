using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// A failover's public host name as external-dns <c>DNSEndpoint</c> records (<c>externaldns.k8s.io/v1alpha1</c>): two
/// records of the same name with set identifiers and Route 53 failover routing, the provider-specific properties
/// external-dns' AWS provider reads (<c>aws/failover</c> PRIMARY/SECONDARY, <c>aws/health-check-id</c>; its
/// docs/tutorials/aws.md, "Failover Routing").
/// </summary>
public static class FailoverDnsManifest
{
    /// <summary>The records' TTL in seconds: short, so resolvers follow a failover within a minute.</summary>
    public const int RecordTtl = 60;

    /// <summary>The DNSEndpoint, or null when the failover declares no DNS endpoints.</summary>
    public static YamlMapping? Build(ResolvedFailover resolved)
    {
        var failover = resolved.Failover;
        if (!failover.HasDns) return null;
        var manifest = new YamlMapping()
            .Set("apiVersion", "externaldns.k8s.io/v1alpha1")
            .Set("kind", "DNSEndpoint");
        manifest.GetOrAddMapping("metadata")
            .Set("name", failover.Name + "-failover")
            .Set("namespace", resolved.ApplicationSet.Namespace)
            .GetOrAddMapping("labels").Set(ManifestLabels.ManagedByKey, ManifestLabels.ManagedByValue);
        manifest.GetOrAddMapping("spec").Set("endpoints", new YamlSequence()
            .Add(Record(failover.Host, failover.PrimaryEndpoint, failover.Name + "-" + resolved.Primary.Name, "PRIMARY", failover.PrimaryHealthCheckId))
            .Add(Record(failover.Host, failover.StandbyEndpoint, failover.Name + "-" + resolved.Standby.Name, "SECONDARY", failover.StandbyHealthCheckId)));
        return manifest;
    }

    private static YamlMapping Record(string host, string endpoint, string setIdentifier, string role, string healthCheckId)
    {
        var providerSpecific = new YamlSequence().Add(new YamlMapping().Set("name", "aws/failover").Set("value", role));
        if (healthCheckId.Length > 0) providerSpecific.Add(new YamlMapping().Set("name", "aws/health-check-id").Set("value", healthCheckId));
        return new YamlMapping()
            .Set("dnsName", host)
            .Set("recordType", FailoverRules.RecordType(endpoint) ?? "CNAME")
            .Set("recordTTL", YamlScalar.Int(RecordTtl))
            .Set("setIdentifier", setIdentifier)
            .Set("targets", new YamlSequence().Add(YamlScalar.String(endpoint)))
            .Set("providerSpecific", providerSpecific);
    }
}
