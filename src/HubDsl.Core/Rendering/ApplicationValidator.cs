using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using HubDsl.Core.Templating;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// Post-render validation (applicationset_controller.go validateGeneratedApplications,
/// TestValidateGeneratedApplications): a name is required and unique (all copies of a duplicated name are skipped), the destination has
/// name XOR server and resolves to exactly one known cluster (util/argo/argo.go GetDestinationServer,
/// util/db/cluster.go). Also the API server's check that the name is a lowercase RFC 1123 subdomain.
/// AppProject existence is checked only when <see cref="RenderOptions.Projects"/> lists the hub's projects.
/// </summary>
internal static class ApplicationValidator
{

    /// <summary>Errors keyed by Application name; an Application whose name has an entry is skipped.</summary>
    public static SortedDictionary<string, string> Validate(RenderContext context, IReadOnlyList<YamlMapping> applications)
    {
        var errors = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var known = new KnownClusterIndex(context);
        foreach (var app in applications)
        {
            var name = NameOf(app);
            if (name.Length == 0)
            {
                errors[name] = "ApplicationSet " + context.AppSetName + " contains an application with no name; a name must be set in the template's metadata.name or via a templatePatch (generateName is not supported)";
                continue;
            }

            if (!names.Add(name))
            {
                errors[name] = "ApplicationSet " + context.AppSetName + " contains applications with duplicate name: " + name;
                continue;
            }

            if (!Validation.KubernetesNames.IsDnsSubdomain(name))
            {
                // Rejected by the API server on create (the controller keeps reconciling with an error).
                errors[name] = "Application.argoproj.io " + GoQuote.Quote(name) + " is invalid: metadata.name: Invalid value: " + GoQuote.Quote(name)
                    + (name.Length > 253
                        ? ": must be no more than 253 characters"
                        : ": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
                continue;
            }

            var project = ((app["spec"] as YamlMapping)?["project"]?.AsString()) is { Length: > 0 } p ? p : "default";
            if (context.Options.Projects is { } projects && !projects.Contains(project))
            {
                errors[name] = "application references project " + project + " which does not exist";
                continue;
            }

            var destinationError = ValidateDestination(context, known, app);
            if (destinationError is not null) errors[name] = "application destination spec is invalid: " + destinationError;
        }

        return errors;
    }

    public static string NameOf(YamlMapping app) => (app["metadata"] as YamlMapping)?["name"]?.AsString() ?? string.Empty;

    private static string? ValidateDestination(RenderContext context, KnownClusterIndex known, YamlMapping app)
    {
        var destination = ((app["spec"] as YamlMapping)?["destination"]) as YamlMapping;
        var name = destination?["name"]?.AsString() ?? string.Empty;
        var server = destination?["server"]?.AsString() ?? string.Empty;
        if (name.Length > 0 && server.Length > 0) return "application destination can't have both name and server defined: " + name + " " + server;
        if (server.Length > 0)
        {
            var error = GetCluster(context, known, server.TrimEnd('/'));
            return error is null ? null : "error getting cluster by server " + GoQuote.Quote(server) + ": " + error;
        }

        if (name.Length > 0)
        {
            var servers = ServersByName(context, known, name);
            if (servers.Count == 0) return "there are no clusters with this name: " + name;
            if (servers.Count > 1) return "there are " + servers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " clusters with the same name: [" + string.Join(" ", servers) + "]";
            var error = GetCluster(context, known, servers[0]);
            return error is null ? null : "error getting cluster by URL: " + error;
        }

        return "Destination server missing from app spec";
    }

    // Lookups built once per render: validating each Application against a scan of every cluster made
    // rendering quadratic in the fleet size.
    private sealed class KnownClusterIndex
    {
        public KnownClusterIndex(RenderContext context)
        {
            foreach (var cluster in context.Clusters.Where(c => c.IsClusterSecret))
            {
                Servers.Add(cluster.NormalizedServer);
                if (!ServersByName.TryGetValue(cluster.Name, out var servers)) ServersByName[cluster.Name] = servers = new List<string>();
                if (!servers.Contains(cluster.NormalizedServer)) servers.Add(cluster.NormalizedServer);
            }
        }

        public HashSet<string> Servers { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<string>> ServersByName { get; } = new(StringComparer.Ordinal);
    }

    // db.GetCluster: the in-cluster address exists unless disabled; any other server needs a cluster Secret.
    private static string? GetCluster(RenderContext context, KnownClusterIndex known, string server)
    {
        if (server == ClusterInfo.InClusterServer)
        {
            return context.Options.IncludeInCluster ? null : "rpc error: code = NotFound desc = cluster " + GoQuote.Quote(server) + " is disabled";
        }

        return known.Servers.Contains(server) ? null : "rpc error: code = NotFound desc = cluster " + GoQuote.Quote(server) + " not found";
    }

    // db.GetClusterServersByName with the in-cluster special cases.
    private static List<string> ServersByName(RenderContext context, KnownClusterIndex known, string name)
    {
        var servers = known.ServersByName.TryGetValue(name, out var byName) ? new List<string>(byName) : new List<string>();
        if (name != ClusterInfo.InClusterName && !servers.Contains(ClusterInfo.InClusterServer)) return servers;
        if (servers.Count == 0 && name == ClusterInfo.InClusterName && context.Options.IncludeInCluster) return new List<string> { ClusterInfo.InClusterServer };
        if (!context.Options.IncludeInCluster) servers.Remove(ClusterInfo.InClusterServer);
        return servers;
    }
}
