using System.Globalization;
using HubDsl.Core.Manifests;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Import;

/// <summary>
/// "Equal by meaning" for the round trip: each manifest is brought to one canonical tree after Argo CD's defaulting,
/// then compared. Key order and quoting never matter (the trees are compared as data); fields Argo CD treats as absent
/// when false, empty or at their default are dropped (<c>prune: false</c>, <c>selector: {}</c>, <c>targetRevision:
/// HEAD</c>, the retry backoff's 5s/2/3m of Argo CD's <c>common.DefaultSyncRetry*</c>); template parameters compare by
/// the parameter, not the spelling (<c>{{.name}}</c> is <c>{{ .name }}</c>); HubDsl's own labels are ignored.
/// </summary>
internal static class ManifestMeaning
{
    /// <summary>An ApplicationSet's canonical tree.</summary>
    public static YamlNode ApplicationSet(YamlMapping appSet)
    {
        var goTemplate = (appSet["spec"] as YamlMapping)?["goTemplate"] is YamlScalar { Value: "true" };
        var copy = new YamlMapping();
        foreach (var key in new[] { "apiVersion", "kind" }) if (appSet[key] is { } value) copy.Set(key, value);
        var metadata = appSet["metadata"] as YamlMapping ?? new YamlMapping();
        var meta = copy.GetOrAddMapping("metadata");
        if (metadata["name"] is { } name) meta.Set("name", name);
        meta.Set("namespace", metadata["namespace"] ?? YamlScalar.String("argocd"));
        meta.Set("labels", WithoutHubDslLabels(metadata["labels"]));
        meta.Set("annotations", Without(metadata["annotations"], "kubectl.kubernetes.io/last-applied-configuration"));
        if (appSet["spec"] is YamlMapping spec) copy.Set("spec", Spec(spec, goTemplate));
        return Prune(copy) ?? new YamlMapping();
    }

    private static YamlNode Spec(YamlMapping spec, bool goTemplate)
    {
        var copy = new YamlMapping();
        foreach (var entry in spec)
        {
            switch (entry.Key)
            {
                case "goTemplateOptions" when entry.Value is YamlSequence options:
                    copy.Set(entry.Key, new YamlSequence(options.Where(o => o.AsString() is not ("missingkey=default" or "missingkey=invalid"))));
                    break;
                case "generators" or "template" or "templatePatch":
                    copy.Set(entry.Key, Templates(entry.Value, goTemplate));
                    break;
                case "strategy":
                    if (Strategy(entry.Value) is { } strategy) copy.Set(entry.Key, strategy);
                    break;
                default:
                    copy.Set(entry.Key, entry.Value);
                    break;
            }
        }

        if (copy["template"] is YamlMapping template && template["spec"] is YamlMapping templateSpec)
        {
            if (templateSpec["source"] is YamlMapping source)
            {
                if (source["targetRevision"] is null) source.Set("targetRevision", "HEAD");
                if (source["helm"] is YamlMapping helm && helm["values"] is YamlScalar { Kind: ScalarKind.String } values)
                {
                    // Inline values are YAML text: compared as the tree they hold.
                    try
                    {
                        helm.Set("values", Templates(YamlReader.Parse(values.Value), goTemplate));
                    }
                    catch (YamlReaderException)
                    {
                    }
                }
            }

            if (templateSpec["project"] is null or YamlScalar { Value: "" }) templateSpec.Set("project", "default");
            if ((templateSpec["syncPolicy"] as YamlMapping)?["retry"] is YamlMapping retry && retry["backoff"] is YamlMapping backoff)
            {
                if (Text(backoff["duration"]) is null or "5s") backoff.Remove("duration");
                if (Text(backoff["factor"]) is null or "2") backoff.Remove("factor");
                if (Text(backoff["maxDuration"]) is null or "3m") backoff.Remove("maxDuration");
            }
        }

        return copy;
    }

    // Argo CD rolls out only with type RollingSync and at least one step (applicationset progressive sync's
    // RollingSyncStrategyEnabled); anything else is all at once, as if there were no strategy. The deletion order
    // counts only then, and only Reverse, in any case (IsDeletionOrderReversed).
    private static YamlNode? Strategy(YamlNode node)
    {
        if (node is not YamlMapping strategy) return node;
        if (Text(strategy["type"]) != "RollingSync" || (strategy["rollingSync"] as YamlMapping)?["steps"] is not YamlSequence { Count: > 0 }) return null;
        var copy = new YamlMapping();
        foreach (var entry in strategy)
        {
            if (entry.Key != "deletionOrder") copy.Set(entry.Key, entry.Value);
            else if (string.Equals(Text(entry.Value), "Reverse", StringComparison.OrdinalIgnoreCase)) copy.Set(entry.Key, "Reverse");
        }

        return copy;
    }

    /// <summary>A cluster Secret's canonical tree: what Argo CD reads from it (never its credentials).</summary>
    public static YamlNode ClusterSecret(YamlMapping secret)
    {
        if (!ClusterSecretParser.TryParse(ClusterSecretImporter.WithoutConfig(secret), out var info, out _)) return secret;
        var copy = new YamlMapping()
            .Set("secretName", info.SecretName)
            .Set("namespace", info.SecretNamespace ?? "argocd")
            .Set("name", info.Name)
            .Set("server", info.Server);
        var labels = new YamlMapping();
        foreach (var label in info.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)) labels.Set(label.Key, label.Value);
        copy.Set("labels", WithoutHubDslLabels(labels));
        var annotations = new YamlMapping();
        foreach (var annotation in info.Annotations.OrderBy(a => a.Key, StringComparer.Ordinal)) annotations.Set(annotation.Key, annotation.Value);
        copy.Set("annotations", Without(annotations, "kubectl.kubernetes.io/last-applied-configuration"));
        if (!string.IsNullOrEmpty(info.Project)) copy.Set("project", info.Project!);
        if (info.Namespaces.Count > 0) copy.Set("namespaces", new YamlSequence(info.Namespaces.Select(n => (YamlNode)YamlScalar.String(n))));
        if (info.ClusterResources && info.Namespaces.Count > 0) copy.Set("clusterResources", YamlScalar.Bool(true));
        return Prune(copy) ?? new YamlMapping();
    }

    /// <summary>Helm values as Helm sees them: nulls dropped (Helm deletes a key set to null), empty maps kept out.</summary>
    public static YamlNode Values(YamlMapping values) => WithoutNulls(values);

    /// <summary>
    /// <paramref name="overlay"/> merged over <paramref name="baseValues"/> with Helm's rules (maps merge key by key,
    /// anything else replaces, null deletes), as Helm's chartutil.CoalesceTables does for values files.
    /// </summary>
    public static YamlMapping Merge(YamlMapping baseValues, YamlMapping overlay)
    {
        var merged = new YamlMapping();
        foreach (var entry in baseValues) merged.Set(entry.Key, entry.Value);
        foreach (var entry in overlay)
        {
            if (entry.Value is YamlScalar { Kind: ScalarKind.Null }) merged.Remove(entry.Key);
            else if (merged[entry.Key] is YamlMapping before && entry.Value is YamlMapping after) merged.Set(entry.Key, Merge(before, after));
            else merged.Set(entry.Key, entry.Value);
        }

        return merged;
    }

    /// <summary>Every string scalar under a node.</summary>
    public static IEnumerable<string> Strings(YamlNode node)
    {
        switch (node)
        {
            case YamlScalar { Kind: ScalarKind.String } s:
                yield return s.Value;
                break;
            case YamlMapping m:
                foreach (var entry in m) foreach (var s in Strings(entry.Value)) yield return s;
                break;
            case YamlSequence q:
                foreach (var item in q) foreach (var s in Strings(item)) yield return s;
                break;
        }
    }

    /// <summary>
    /// The paths where two canonical trees differ ("spec.template.metadata.name: 'a' vs 'b'"), at most
    /// <paramref name="limit"/>; empty when they mean the same.
    /// </summary>
    public static IReadOnlyList<string> Differences(YamlNode? expected, YamlNode? actual, int limit = 10)
    {
        var found = new List<string>();
        Compare(expected, actual, string.Empty, found, limit);
        return found;
    }

    private static void Compare(YamlNode? expected, YamlNode? actual, string path, List<string> found, int limit)
    {
        if (found.Count >= limit) return;
        switch (expected, actual)
        {
            case (YamlMapping e, YamlMapping a):
                foreach (var key in e.Keys.Union(a.Keys).ToList()) Compare(e[key], a[key], path.Length == 0 ? key : path + "." + key, found, limit);
                return;
            case (YamlSequence e, YamlSequence a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++) Compare(e[i], a[i], path + "[" + i + "]", found, limit);
                return;
            case (YamlScalar e, YamlScalar a) when ScalarEquals(e, a):
                return;
            case (null, null):
                return;
        }

        found.Add((path.Length == 0 ? "(document)" : path) + ": input " + Show(expected) + ", imported " + Show(actual));
    }

    private static string Show(YamlNode? node) => node switch
    {
        null => "absent",
        YamlScalar s => s.Kind == ScalarKind.String ? "'" + (s.Value.Length > 60 ? s.Value.Substring(0, 60) + "…" : s.Value) + "'" : s.Value,
        YamlSequence q => "a list of " + q.Count,
        _ => "a mapping",
    };

    // Numbers compare by value (Helm and Argo CD read YAML numbers as float64/int64); other scalars by kind and text.
    private static bool ScalarEquals(YamlScalar a, YamlScalar b)
    {
        if (a.Kind is ScalarKind.Int or ScalarKind.Float && b.Kind is ScalarKind.Int or ScalarKind.Float)
        {
            return double.TryParse(a.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                && double.TryParse(b.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && x.Equals(y);
        }

        return a.Kind == b.Kind && a.Value == b.Value;
    }

    // Template strings in canonical form, so spelling of a parameter does not matter.
    private static YamlNode Templates(YamlNode node, bool goTemplate) => node switch
    {
        YamlScalar { Kind: ScalarKind.String } s when s.Value.Contains("{{", StringComparison.Ordinal) => YamlScalar.String(TemplateText.Parse(s.Value, goTemplate).Canonical()),
        YamlMapping m => MapEach(m, v => Templates(v, goTemplate)),
        YamlSequence q => new YamlSequence(q.Select(v => Templates(v, goTemplate))),
        _ => node,
    };

    private static YamlMapping MapEach(YamlMapping mapping, Func<YamlNode, YamlNode> map)
    {
        var copy = new YamlMapping();
        foreach (var entry in mapping) copy.Set(entry.Key, map(entry.Value));
        return copy;
    }

    // Helm values keep false, "" and {} (a chart may test for them); only a null means "not set".
    private static YamlNode WithoutNulls(YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                var copy = new YamlMapping();
                foreach (var entry in mapping)
                {
                    if (entry.Value is not YamlScalar { Kind: ScalarKind.Null }) copy.Set(entry.Key, WithoutNulls(entry.Value));
                }

                return copy;
            case YamlSequence sequence:
                return new YamlSequence(sequence.Select(WithoutNulls));
            default:
                return node;
        }
    }

    private static YamlNode WithoutHubDslLabels(YamlNode? labels)
    {
        var copy = new YamlMapping();
        if (labels is not YamlMapping mapping) return copy;
        foreach (var entry in mapping)
        {
            if (entry.Key == ManifestLabels.ManagedByKey || entry.Key.StartsWith(ManifestLabels.FleetKeyPrefix, StringComparison.Ordinal)) continue;
            copy.Set(entry.Key, entry.Value);
        }

        return copy;
    }

    private static YamlNode Without(YamlNode? mapping, string key)
    {
        var copy = new YamlMapping();
        if (mapping is not YamlMapping m) return copy;
        foreach (var entry in m) if (entry.Key != key) copy.Set(entry.Key, entry.Value);
        return copy;
    }

    private static string? Text(YamlNode? node) => node is YamlScalar { Kind: not ScalarKind.Null } s ? s.Value : null;

    // Drops what Argo CD and Helm read as absent: nulls, false, empty strings, empty maps and lists.
    private static YamlNode? Prune(YamlNode node)
    {
        switch (node)
        {
            case YamlScalar { Kind: ScalarKind.Null }:
            case YamlScalar { Kind: ScalarKind.Bool, Value: "false" }:
            case YamlScalar { Kind: ScalarKind.String, Value: "" }:
                return null;
            case YamlMapping mapping:
                var copy = new YamlMapping();
                foreach (var entry in mapping)
                {
                    if (Prune(entry.Value) is { } kept) copy.Set(entry.Key, kept);
                }

                return copy.Count == 0 ? null : copy;
            case YamlSequence sequence:
                var items = new YamlSequence(sequence.Select(i => Prune(i) ?? YamlScalar.Null));
                return items.Count == 0 ? null : items;
            default:
                return node;
        }
    }
}
