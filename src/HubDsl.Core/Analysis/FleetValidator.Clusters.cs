using System;
using System.Collections.Generic;
using HubDsl.Core.Model;
using HubDsl.Core.Validation;

namespace HubDsl.Core.Analysis;

// HUB006, HUB007, HUB012 (cluster labels), HUB013 (cluster metadata), HUB014.
public static partial class FleetValidator
{
    private static void CheckClusters(FindingList findings, List<(FleetModel Fleet, ClusterModel Cluster)> clusters)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var byServer = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (fleet, cluster) in clusters)
        {
            var declaration = Declaration(fleet.ClassName, cluster.MemberName);
            findings.Owner = fleet.ClassName;
            if (byName.TryGetValue(cluster.Name, out var first))
            {
                findings.Add(DiagnosticIds.DuplicateClusterName,
                    declaration + ": cluster name '" + cluster.Name + "' is already used by " + first + ". Argo CD keys clusters by name and keeps only one of them; give each cluster a unique name.",
                    cluster.NameOrigin ?? cluster.Origin);
            }
            else
            {
                byName[cluster.Name] = declaration;
            }

            // Argo CD's database strips a trailing '/', so these two are the same cluster.
            var server = cluster.Server.TrimEnd('/');
            if (byServer.TryGetValue(server, out var sameServer))
            {
                findings.Add(DiagnosticIds.DuplicateClusterServer,
                    declaration + ": server '" + cluster.Server + "' is also the server of " + sameServer + ". Argo CD identifies a cluster by its server URL, so one registration overwrites the other; declare each API server once.",
                    cluster.ServerOrigin ?? cluster.Origin);
            }
            else
            {
                byServer[server] = declaration;
            }

            if (cluster.Server.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new Finding(DiagnosticIds.InsecureConnection,
                    declaration + ": server '" + cluster.Server + "' is plain HTTP, so the cluster's bearer token would cross the network unencrypted. Use https://.",
                    cluster.ServerOrigin ?? cluster.Origin)
                {
                    Properties = new Dictionary<string, string> { ["fix"] = "https://" + cluster.Server.Substring("http://".Length) },
                });
            }

            if (cluster.InsecureSkipTlsVerify)
            {
                findings.Add(DiagnosticIds.InsecureConnection,
                    declaration + ": InsecureSkipTlsVerify turns off TLS verification, so anyone on the path can impersonate the API server and read its token. Give the cluster's CA instead when registering it.",
                    cluster.InsecureOrigin ?? cluster.Origin);
            }

            foreach (var label in cluster.Labels) CheckLabel(findings, declaration, "label", label);
            foreach (var annotation in cluster.Annotations)
            {
                if (CredentialPatterns.ShapeOf(annotation.Value) is { } kind)
                {
                    findings.Add(DiagnosticIds.CredentialLiteral, declaration + ": annotation '" + annotation.Key + "' holds " + kind + ". " + SecretFix, annotation.ValueOrigin ?? cluster.Origin);
                }
            }
        }
    }

    internal const string SecretFix = "Secrets must never be text in Git: reference them (an ExternalSecret or the cluster's registration) instead.";

    private static void CheckLabel(FindingList findings, string declaration, string what, StringPair label)
    {
        if (LabelRules.KeyProblem(label.Key) is { } keyProblem)
        {
            findings.Add(DiagnosticIds.InvalidLabel, declaration + ": " + what + " key '" + label.Key + "' is invalid: " + keyProblem + ".", label.KeyOrigin);
        }

        if (LabelRules.ValueProblem(label.Value) is { } valueProblem)
        {
            findings.Add(DiagnosticIds.InvalidLabel, declaration + ": " + what + " value '" + label.Value + "' of '" + label.Key + "' is invalid: " + valueProblem + ".", label.ValueOrigin ?? label.KeyOrigin);
        }

        if (CredentialPatterns.ShapeOf(label.Value) is { } kind)
        {
            findings.Add(DiagnosticIds.CredentialLiteral, declaration + ": " + what + " '" + label.Key + "' holds " + kind + ". " + SecretFix, label.ValueOrigin);
        }
    }
}
