using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// Every file the build writes for a fleet, without rendering any: each path from the same
/// <see cref="FleetManifests"/>, <see cref="ValuesFiles"/> and <see cref="ExternalSecretManifest"/> members the
/// generator writes with, so the path rules (HUB019, HUB020) judge exactly the generator's paths.
/// </summary>
public static class GeneratedPaths
{
    /// <summary>The paths of the clusters' and the ApplicationSets' files (the <c>[Hub]</c> values file is one fixed path and not listed).</summary>
    public static IReadOnlyList<GeneratedPath> For(IEnumerable<FleetModel> fleets, IEnumerable<ApplicationSetModel> applicationSets)
    {
        var paths = new List<GeneratedPath>();
        foreach (var fleet in fleets)
        {
            foreach (var cluster in fleet.Clusters)
            {
                var origin = cluster.NameOrigin ?? cluster.Origin;
                paths.Add(new GeneratedPath(FleetManifests.ClusterSecretFile(cluster.Name), GeneratedFileKind.ClusterSecret, fleet.ClassName, cluster.MemberName, origin) { Name = cluster.Name });
                paths.Add(new GeneratedPath(FleetManifests.SpokeFile(cluster.Name), GeneratedFileKind.SpokeRbac, fleet.ClassName, cluster.MemberName, origin) { Name = cluster.Name });
            }
        }

        var alerts = false;
        var failoverNames = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var appSet in applicationSets)
        {
            foreach (var failover in appSet.Failovers)
            {
                // A failover whose name is not a DNS label writes nothing, and a second one of the same name is HUB031 already;
                // the others' paths are known without rendering.
                if (!Validation.KubernetesNames.IsDnsLabel(failover.Name) || !failoverNames.Add(failover.Name)) continue;
                var origin = failover.NameOrigin ?? failover.Origin ?? appSet.Origin;
                if (!alerts)
                {
                    alerts = true;
                    paths.Add(new GeneratedPath(FleetManifests.FailoverAlertsFile, GeneratedFileKind.FailoverAlerts, appSet.ClassName, failover.MemberName, origin) { Name = failover.Name });
                }

                paths.Add(new GeneratedPath(FleetManifests.RunbookFile(failover.Name), GeneratedFileKind.Runbook, appSet.ClassName, failover.MemberName, origin) { Name = failover.Name });
                paths.Add(new GeneratedPath(FleetManifests.DnsFile(failover.Name), GeneratedFileKind.FailoverDns, appSet.ClassName, failover.MemberName, origin) { Name = failover.Name });
            }

            paths.Add(new GeneratedPath(FleetManifests.ApplicationSetFile(appSet.Name), GeneratedFileKind.ApplicationSet, appSet.ClassName, null, appSet.Origin) { Name = appSet.Name });
            if (appSet.Project is { } project)
            {
                paths.Add(new GeneratedPath(FleetManifests.ProjectFile(project.Name), GeneratedFileKind.AppProject, appSet.ClassName, null, project.Origin ?? appSet.Origin) { Name = project.Name });
            }

            var chartOrigin = ChartPathOrigin(appSet);
            foreach (var (path, values) in ValuesFiles.Paths(appSet))
            {
                paths.Add(new GeneratedPath(path, GeneratedFileKind.Values, appSet.ClassName, values?.MemberName, values?.Origin ?? appSet.Origin) { Name = appSet.ChartPath, FolderOrigin = chartOrigin });
            }

            foreach (var values in appSet.Values)
            {
                if (values.Environment is null) continue;
                foreach (var secret in values.Secrets)
                {
                    paths.Add(new GeneratedPath(ExternalSecretManifest.PathFor(values.Environment, secret.SecretName), GeneratedFileKind.ExternalSecret, appSet.ClassName, values.MemberName, values.Origin ?? appSet.Origin) { Name = secret.SecretName });
                }
            }
        }

        return paths;
    }

    // Where the chart path (the template's source.path) was written.
    private static SourceSpan? ChartPathOrigin(ApplicationSetModel appSet)
    {
        YamlNode? node = appSet.Manifest;
        foreach (var key in new[] { "spec", "template", "spec", "source", "path" }) node = (node as YamlMapping)?[key];
        return node?.Origin;
    }
}

/// <summary>
/// One generated file: its path relative to the output root, what it is, the declaration that generates it (the
/// class, and the member when one member does) and where that was written.
/// </summary>
public sealed record GeneratedPath(string Path, GeneratedFileKind Kind, string ClassName, string? MemberName, SourceSpan? Origin)
{
    /// <summary>The name the path is made from (cluster, ApplicationSet, AppProject or Secret name; the chart path for values files).</summary>
    public string? Name { get; init; }

    /// <summary>For values files: where the chart path was written.</summary>
    public SourceSpan? FolderOrigin { get; init; }
}

/// <summary>What a generated file is.</summary>
public enum GeneratedFileKind
{
    /// <summary>A cluster Secret (<c>argocd/clusters/</c>).</summary>
    ClusterSecret,
    /// <summary>A spoke's RBAC (<c>spokes/&lt;cluster&gt;/</c>).</summary>
    SpokeRbac,
    /// <summary>An ApplicationSet (<c>argocd/applicationsets/</c>).</summary>
    ApplicationSet,
    /// <summary>An AppProject (<c>argocd/projects/</c>).</summary>
    AppProject,
    /// <summary>A Helm values file in the chart folder.</summary>
    Values,
    /// <summary>An ExternalSecret (<c>externalsecrets/&lt;env&gt;/</c>).</summary>
    ExternalSecret,
    /// <summary>The fleet's failover alerts (<c>monitoring/</c>).</summary>
    FailoverAlerts,
    /// <summary>A failover's runbook (<c>runbooks/</c>).</summary>
    Runbook,
    /// <summary>A failover's external-dns records (<c>dns/</c>).</summary>
    FailoverDns,
}
