using System;
using System.Collections.Generic;
using HubDsl.Core.Model;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Analysis;

// HUB005, HUB012 (selector), HUB013 (template text), HUB015.
public static partial class FleetValidator
{
    private static void CheckSelector(FindingList findings, ApplicationSetModel appSet, List<(FleetModel Fleet, ClusterModel Cluster)> clusters, string? fleetId)
    {
        var declaration = Declaration(appSet.ClassName);
        foreach (var label in appSet.Selector.MatchLabels) CheckLabel(findings, declaration, "selector label", label);
        if (appSet.Selector.IsEmpty) return; // the empty selector also targets the in-cluster pseudo-cluster
        var targets = Manifests.ClusterTargeting.For(appSet.Selector, fleetId);
        foreach (var (_, cluster) in clusters)
        {
            if (targets(cluster)) return;
        }

        findings.AddAbsence(DiagnosticIds.SelectorMatchesNothing,
            declaration + ": the cluster selector (" + Describe(appSet.Selector) + ") matches none of the " + clusters.Count + " declared cluster(s), so Argo CD generates no Application. Fix the selector or the clusters' labels.",
            appSet.SelectorOrigin ?? appSet.Origin);
    }

    private static string Describe(LabelSelectorModel selector)
    {
        var parts = new List<string>();
        foreach (var pair in selector.MatchLabels) parts.Add(pair.Key + "=" + pair.Value);
        foreach (var requirement in selector.MatchExpressions)
        {
            parts.Add(requirement.Key + " " + requirement.Operator + (requirement.Values.Count > 0 ? " (" + string.Join(", ", requirement.Values) + ")" : string.Empty));
        }

        return string.Join(", ", parts);
    }

    private static void CheckSyncPolicy(FindingList findings, ApplicationSetModel appSet)
    {
        var automated = YamlTree.Find(appSet.Manifest, "spec", "template", "spec", "syncPolicy", "automated") as YamlMapping;
        if (automated?["prune"] is YamlScalar { Value: "true" } && automated["allowEmpty"] is YamlScalar { Value: "true" } allowEmpty)
        {
            findings.Add(DiagnosticIds.PruneAllowEmpty,
                Declaration(appSet.ClassName, "Template") + ": automated sync with Prune and AllowEmpty deletes everything the Application manages on every cluster if a render comes out empty (a bad commit, a wrong path). Set AllowEmpty = false.",
                allowEmpty.Origin);
        }
    }

    // Credentials in template strings, e.g. a repoURL with user:password@.
    private static void CheckTemplateText(FindingList findings, ApplicationSetModel appSet)
    {
        var template = YamlTree.Find(appSet.Manifest, "spec", "template");
        if (template is null) return;
        foreach (var scalar in YamlTree.Strings(template))
        {
            var kind = CredentialPatterns.ShapeOf(scalar.Value) ?? (HasUrlPassword(scalar.Value) ? "a URL with a password" : null);
            if (kind is not null)
            {
                findings.Add(DiagnosticIds.CredentialLiteral, Declaration(appSet.ClassName, "Template") + ": a template string holds " + kind + ". " + SecretFix, scalar.Origin);
            }
        }
    }

    private static bool HasUrlPassword(string text)
    {
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return false;
        var rest = text.Substring(scheme + 3);
        var end = rest.IndexOfAny(new[] { '/', '?', '#' });
        var authority = end < 0 ? rest : rest.Substring(0, end);
        var at = authority.LastIndexOf('@');
        return at > 0 && authority.Substring(0, at).IndexOf(':') > 0;
    }

}
