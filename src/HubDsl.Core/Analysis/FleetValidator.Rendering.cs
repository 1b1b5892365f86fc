using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Core.Rendering;
using HubDsl.Core.Templating;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Analysis;

// HUB002, HUB003, HUB004, HUB008, HUB009, HUB017, HUB021: what Argo CD will generate for the declared clusters,
// from the same renderer `hubdsl preview` uses, within the editor's limits (RenderOptions.ForEditor).
public static partial class FleetValidator
{
    private static void CheckRendering(FindingList findings, ApplicationSetModel appSet, List<(FleetModel Fleet, ClusterModel Cluster)> clusters, string? fleetId)
    {
        var declaration = Declaration(appSet.ClassName, "Template");
        var wrongSyntax = CheckSyntax(findings, appSet, declaration);

        var secrets = clusters.Where(c => c.Fleet.Namespace == appSet.Namespace).Select(c => ClusterSecretManifest.Build(c.Cluster, c.Fleet.Namespace, fleetId: fleetId)).ToList();
        var result = ApplicationSetRenderer.Render(appSet.Manifest, secrets, RenderOptions.ForEditor());
        if (result.Errors.FirstOrDefault(e => e.Reason == RenderErrorReasons.RenderLimitExceeded) is { } limit)
        {
            // The render stopped part-way: the checks below would judge incomplete output, so only HUB021 is reported.
            findings.Add(DiagnosticIds.RenderLimitExceeded,
                declaration + ": " + limit.Message + " The editor renders with smaller limits than `hubdsl preview` (RenderOptions.ForEditor) so typing stays responsive; the checks of the rendered Applications are skipped for this ApplicationSet.",
                limit.Node?.Origin ?? TemplateNode(appSet, "metadata", "name")?.Origin ?? appSet.Origin);
            return;
        }

        var applications = result.Generated.Select(g => (Application: g.Application, Cluster: ClusterOf(result, g.ParamSetIndex))).ToList();

        ReportUnresolved(findings, appSet, declaration, result, wrongSyntax);
        if (result.IsBlocked && !result.Warnings.Any() && wrongSyntax.Count == 0)
        {
            foreach (var error in result.Errors)
            {
                findings.Add(DiagnosticIds.UnknownParameter, declaration + ": Argo CD cannot render this ApplicationSet (" + error.Reason + "): " + error.Message, TemplateNode(appSet, "metadata", "name")?.Origin ?? appSet.Origin);
            }
        }

        CheckNames(findings, appSet, declaration, applications);
        CheckRollingSync(findings, appSet, applications);
        CheckEnvironmentFiles(findings, appSet, declaration, applications);
    }

    private static void ReportUnresolved(FindingList findings, ApplicationSetModel appSet, string declaration, RenderResult result, HashSet<YamlNode> wrongSyntax)
    {
        var literally = appSet.Mode.GoTemplate ? "'<no value>' (or fails with missingkey=error)" : "the literal text '{{...}}'";
        foreach (var group in result.Warnings.Where(w => w.Node is null || !wrongSyntax.Contains(w.Node)).GroupBy(w => (w.Node, w.Key, w.FieldPath)))
        {
            var clusterNames = group.Select(w => w.Cluster).Distinct().ToList();
            var key = group.Key.Key;
            var finding = new Finding(DiagnosticIds.UnknownParameter,
                declaration + ": " + group.Key.FieldPath + " uses '" + key + "', which the Cluster generator does not produce for " + Clusters(clusterNames) + "; Argo CD renders " + literally + " there, without any error. " + FixFor(key, clusterNames, result, out var suggestion),
                OriginOf(group.Key.Node, key.Trim()) ?? appSet.Origin);
            findings.Add(suggestion is null ? finding : finding with { Properties = new Dictionary<string, string> { ["suggestion"] = suggestion, ["unknown"] = key } });
        }
    }

    private static string FixFor(string key, List<string> clusters, RenderResult result, out string? suggestion)
    {
        suggestion = null;
        if (clusters.Contains(ClusterInfo.InClusterName))
        {
            return "The in-cluster pseudo-cluster, targeted because the selector is empty, has no labels, annotations or values; select clusters by label.";
        }

        if (key.StartsWith(ClusterParameter.Label.Key + ".", StringComparison.Ordinal) || key.StartsWith("." + ClusterParameter.Label.Key, StringComparison.Ordinal))
        {
            return "Add the label to " + Clusters(clusters) + ", or select only clusters that have it.";
        }

        if (key.StartsWith(ClusterParameter.Value.Key + ".", StringComparison.Ordinal)) return "Declare it in the ClusterGenerator's Values.";
        var known = KnownKeys(result);
        suggestion = Closest(key, known);
        return (suggestion is null ? string.Empty : "Did you mean '" + suggestion + "'? ") + "Use Param.Name, Param.Server, Param.Label(...) and the other Param members, which cannot be misspelt.";
    }

    private static List<string> KnownKeys(RenderResult result)
    {
        var keys = new SortedSet<string>(ClusterParameter.All.Where(p => !p.IsKeyed).Select(p => p.Key), StringComparer.Ordinal);
        foreach (var set in result.ParamSets)
        {
            foreach (var key in set.Keys)
            {
                if (set[key] is string) keys.Add(key);
            }
        }

        return keys.ToList();
    }

    private static string? Closest(string key, List<string> candidates)
    {
        var trimmed = key.Trim().TrimStart('.');
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Levenshtein(trimmed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, trimmed.Length / 3) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    // Raw template text written for the other mode: reported here instead of as a silent miss.
    private static HashSet<YamlNode> CheckSyntax(FindingList findings, ApplicationSetModel appSet, string declaration)
    {
        var wrong = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var template = YamlTree.Find(appSet.Manifest, "spec", "template");
        if (template is null) return wrong;
        foreach (var scalar in YamlTree.Strings(template))
        {
            string? problem = null;
            if (appSet.Mode.GoTemplate)
            {
                try
                {
                    GoTemplate.Parse(scalar.Value);
                }
                catch (TemplateParseException e)
                {
                    problem = "this goTemplate ApplicationSet cannot parse '" + scalar.Value + "': " + e.Message + ". In goTemplate mode parameters are written '{{ .name }}', and labels with '-' or '/' as '{{ index .metadata.labels \"my-label\" }}'; Param members write them correctly.";
                }
            }
            else if (FastTemplateTags(scalar.Value).FirstOrDefault(IsGoSyntax) is { } tag)
            {
                problem = "'{{" + tag + "}}' is goTemplate syntax, but this ApplicationSet uses fasttemplate, which leaves it in place literally. Write '{{name}}'-style keys, use Param members, or set GoTemplate = true.";
            }

            if (problem is null) continue;
            wrong.Add(scalar);
            findings.Add(DiagnosticIds.WrongTemplateSyntax, declaration + ": " + problem, OriginOf(scalar, WrongPart(scalar.Value, appSet.Mode.GoTemplate)) ?? appSet.Origin);
        }

        return wrong;
    }

    /// <summary>Where the part of <paramref name="node"/> that holds <paramref name="text"/> was written: the string of an inline Helm value, else the node.</summary>
    private static SourceSpan? OriginOf(YamlNode? node, string? text)
    {
        if (node is YamlScalar { PartOrigins: { } parts } && !string.IsNullOrEmpty(text))
        {
            // A string with template text first: the key alone may also be plain text elsewhere.
            foreach (var inTemplate in new[] { true, false })
            {
                foreach (var (part, origin) in parts)
                {
                    if ((!inTemplate || part.Contains("{{")) && part.IndexOf(text!, StringComparison.Ordinal) >= 0) return origin;
                }
            }
        }

        return node?.Origin;
    }

    // The text of the first template action written in the wrong syntax, to find the string that holds it.
    private static string? WrongPart(string text, bool goTemplate)
    {
        if (!goTemplate) return FastTemplateTags(text).FirstOrDefault(IsGoSyntax) is { } tag ? "{{" + tag + "}}" : null;
        var start = text.IndexOf("{{", StringComparison.Ordinal);
        return start < 0 ? null : text.Substring(start, Math.Min(text.Length - start, text.IndexOf("}}", start, StringComparison.Ordinal) is var end and >= 0 ? end + 2 - start : text.Length - start));
    }

    private static IEnumerable<string> FastTemplateTags(string text)
    {
        var start = 0;
        while ((start = text.IndexOf("{{", start, StringComparison.Ordinal)) >= 0)
        {
            var end = text.IndexOf("}}", start + 2, StringComparison.Ordinal);
            if (end < 0) yield break;
            yield return text.Substring(start + 2, end - start - 2);
            start = end + 2;
        }
    }

    private static bool IsGoSyntax(string tag)
    {
        var trimmed = tag.Trim();
        return trimmed.StartsWith(".", StringComparison.Ordinal) || trimmed.StartsWith("$", StringComparison.Ordinal) || trimmed.Contains("|")
            || trimmed.StartsWith("-", StringComparison.Ordinal) || trimmed.EndsWith("-", StringComparison.Ordinal) || trimmed.Contains(" ");
    }

    private static void CheckNames(FindingList findings, ApplicationSetModel appSet, string declaration, List<(YamlMapping Application, string Cluster)> applications)
    {
        var nameNode = TemplateNode(appSet, "metadata", "name");
        var origin = nameNode?.Origin ?? appSet.Origin;
        var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (application, cluster) in applications)
        {
            var name = (application["metadata"] as YamlMapping)?["name"]?.AsString() ?? string.Empty;
            if (!byName.TryGetValue(name, out var list)) byName[name] = list = new List<string>();
            list.Add(cluster);
        }

        foreach (var pair in byName)
        {
            // Names still holding template text are silent misses, reported as HUB002.
            if (pair.Key.Contains("{{") || pair.Key.Contains("<no value>")) continue;
            if (!KubernetesNames.IsDnsSubdomain(pair.Key))
            {
                var usesName = nameNode?.AsString() is { } text && text.Contains(appSet.Mode.Render(ParamKind.Name, null));
                findings.Add(new Finding(DiagnosticIds.InvalidApplicationName,
                    declaration + ": the Application name for " + Clusters(pair.Value) + " renders as '" + pair.Key + "', which is not a lowercase RFC 1123 name; the API server rejects it and Argo CD keeps failing. " +
                    (usesName ? "Use Param.NameNormalized instead of Param.Name." : "Use only lowercase letters, digits, '-' and '.'."),
                    origin)
                {
                    Properties = usesName ? new Dictionary<string, string> { ["fix"] = "NameNormalized" } : new Dictionary<string, string>(),
                });
            }

            if (pair.Value.Count > 1)
            {
                findings.Add(DiagnosticIds.DuplicateApplicationName,
                    declaration + ": " + Clusters(pair.Value) + " all get the Application name '" + pair.Key + "'; Argo CD skips every copy of a duplicated name, so none of them deploys. Put a per-cluster parameter such as Param.Name in the name.",
                    origin);
            }
        }
    }

    private static void CheckEnvironmentFiles(FindingList findings, ApplicationSetModel appSet, string declaration, List<(YamlMapping Application, string Cluster)> applications)
    {
        if (appSet.Values.Count == 0) return;
        var declared = new HashSet<string>(appSet.Values.Where(v => v.Environment is not null).Select(v => v.Environment!), StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pattern = appSet.EnvironmentFiles;
        if (pattern is not null)
        {
            var missing = new Dictionary<(string Environment, int Index), List<string>>();
            // A [ChartValues] record's fleet defaults file (values-fleet.yaml) may match the environments' pattern: it is the defaults' file.
            var fleetFile = Manifests.ValuesFiles.ChartBase(appSet) is null ? null : Manifests.ValuesFiles.FleetDefaultsFile(appSet);
            foreach (var (application, cluster) in applications)
            {
                var files = YamlTree.Find(application, "spec", "source", "helm", "valueFiles") as YamlSequence;
                if (files is null) continue;
                for (var i = 0; i < files.Count; i++)
                {
                    var file = files[i].AsString();
                    if (file is null || file.Contains("{{") || file.Contains("<no value>") || (fleetFile != null && Manifests.ValuesFiles.ChartFolder(file) == fleetFile)) continue;
                    if (file.Length < pattern.Prefix.Length + pattern.Suffix.Length || !file.StartsWith(pattern.Prefix, StringComparison.Ordinal) || !file.EndsWith(pattern.Suffix, StringComparison.Ordinal)) continue;
                    var environment = file.Substring(pattern.Prefix.Length, file.Length - pattern.Prefix.Length - pattern.Suffix.Length);
                    used.Add(environment);
                    if (declared.Contains(environment)) continue;
                    if (!missing.TryGetValue((environment, i), out var list)) missing[(environment, i)] = list = new List<string>();
                    list.Add(cluster);
                }
            }

            var valueFiles = TemplateNode(appSet, "spec", "source", "helm", "valueFiles") as YamlSequence;
            foreach (var pair in missing)
            {
                var file = pattern.FileFor(pair.Key.Environment);
                findings.Add(new Finding(DiagnosticIds.MissingEnvironmentValues,
                    declaration + ": " + Clusters(pair.Value) + " read '" + file + "', but no [Values(\"" + pair.Key.Environment + "\")] is declared, so the file is not generated and Argo CD fails the sync. Declare values for '" + pair.Key.Environment + "' (they may equal the defaults).",
                    (valueFiles is not null && pair.Key.Index < valueFiles.Count ? valueFiles[pair.Key.Index].Origin : null) ?? appSet.Origin)
                {
                    Properties = new Dictionary<string, string> { ["environment"] = pair.Key.Environment },
                });
            }
        }

        foreach (var values in appSet.Values)
        {
            if (values.Environment is null || used.Contains(values.Environment)) continue;
            findings.AddAbsence(new Finding(DiagnosticIds.UnusedEnvironmentValues,
                Declaration(appSet.ClassName, values.MemberName) + ": no targeted cluster reads the values of environment '" + values.Environment + "'" +
                (pattern is null ? " (valueFiles has no per-environment entry such as $\"values-{Param.Label(\"env\")}.yaml\")" : " ('" + pattern.FileFor(values.Environment) + "')") +
                ". Remove them, or label a cluster for that environment.",
                values.Origin ?? appSet.Origin));
        }
    }

    private static string ClusterOf(RenderResult result, int paramSetIndex)
    {
        if (paramSetIndex < 0 || paramSetIndex >= result.ParamSets.Count) return "?";
        return result.ParamSets[paramSetIndex].TryGetValue(ClusterParameter.Name.Key, out var name) && name is string text ? text : "parameter set " + (paramSetIndex + 1);
    }

    private static YamlNode? TemplateNode(ApplicationSetModel appSet, params string[] path) =>
        YamlTree.Find(appSet.Manifest, new[] { "spec", "template" }.Concat(path).ToArray());

    private static string Clusters(List<string> names)
    {
        // Argo CD's cluster order is unspecified; sorted names keep messages stable.
        var distinct = names.Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        var quoted = distinct.Select(n => "'" + n + "'").ToList();
        return (distinct.Count == 1 ? "cluster " : "clusters ") + string.Join(", ", quoted);
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<YamlNode>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
