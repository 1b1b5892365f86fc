using System.Collections.Generic;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// The Helm values files of an ApplicationSet: <c>values.yaml</c> with the defaults (nulls left out), and one
/// file per declared environment holding only what differs, which Helm merges over the defaults.
/// </summary>
public static class ValuesFiles
{
    /// <summary>
    /// The values files, with paths under the chart folder. Only declared environments get a file: a targeted
    /// cluster whose environment has no <c>[Values]</c> is reported (HUB003) rather than papered over.
    /// </summary>
    public static IReadOnlyList<ManifestFile> Build(ApplicationSetModel appSet)
    {
        var files = new List<ManifestFile>();
        if (appSet.ChartPath is null) return files;
        var folder = appSet.ChartPath.Trim('/');
        folder = folder.Length == 0 ? string.Empty : folder + "/";

        ValuesModel? defaults = null;
        var byEnvironment = new SortedDictionary<string, ValuesModel>(System.StringComparer.Ordinal);
        foreach (var values in appSet.Values)
        {
            if (values.Environment is null) defaults = values;
            else byEnvironment[values.Environment] = values;
        }

        if (defaults is null && byEnvironment.Count == 0) return files;
        var baseValues = defaults?.Values ?? new YamlMapping();
        var declaration = appSet.ClassName;
        files.Add(new ManifestFile(folder + "values.yaml", Write(WithoutNulls(baseValues), declaration + (defaults is null ? string.Empty : "." + defaults.MemberName))));

        var pattern = appSet.EnvironmentFiles ?? new EnvironmentFilePattern("values-", ParamKind.Label, "env", ".yaml");
        foreach (var pair in byEnvironment)
        {
            // An environment declared with no change still gets its file ({}), because valueFiles names it.
            files.Add(new ManifestFile(folder + pattern.FileFor(pair.Key), Write(Diff(baseValues, pair.Value.Values), declaration + "." + pair.Value.MemberName)));
        }

        return files;
    }

    private static string Write(YamlMapping values, string declaration) => YamlWriter.Write(values, ManifestHeader.For(declaration));

    /// <summary>
    /// What to merge over <paramref name="baseValues"/> to get <paramref name="target"/> with Helm's rules:
    /// maps merge key by key, anything else replaces, and an explicit null deletes the key.
    /// </summary>
    public static YamlMapping Diff(YamlMapping baseValues, YamlMapping target)
    {
        var overlay = new YamlMapping();
        foreach (var entry in target)
        {
            var before = baseValues[entry.Key];
            var isNull = entry.Value is YamlScalar { Kind: ScalarKind.Null };
            if (before is null || before is YamlScalar { Kind: ScalarKind.Null })
            {
                if (!isNull) overlay.Set(entry.Key, WithoutNulls(entry.Value));
                continue;
            }

            if (isNull)
            {
                overlay.Set(entry.Key, YamlScalar.Null);
            }
            else if (before is YamlMapping beforeMap && entry.Value is YamlMapping afterMap)
            {
                var nested = Diff(beforeMap, afterMap);
                if (nested.Count > 0) overlay.Set(entry.Key, nested);
            }
            else if (!before.Equals(entry.Value))
            {
                overlay.Set(entry.Key, WithoutNulls(entry.Value));
            }
        }

        // Keys the environment's record does not have at all (a different shape) are deleted explicitly.
        foreach (var key in baseValues.Keys)
        {
            if (!target.ContainsKey(key) && baseValues[key] is not YamlScalar { Kind: ScalarKind.Null }) overlay.Set(key, YamlScalar.Null);
        }

        return overlay;
    }

    private static YamlMapping WithoutNulls(YamlMapping mapping) => (YamlMapping)WithoutNulls((YamlNode)mapping);

    // Helm treats a null as "delete this key"; in the defaults file a null means "not set", so it is left out.
    private static YamlNode WithoutNulls(YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                var copy = new YamlMapping();
                foreach (var entry in mapping)
                {
                    if (entry.Value is YamlScalar { Kind: ScalarKind.Null }) continue;
                    copy.Set(entry.Key, WithoutNulls(entry.Value));
                }

                return copy;
            case YamlSequence sequence:
                var items = new YamlSequence();
                foreach (var item in sequence) items.Add(WithoutNulls(item));
                return items;
            default:
                return node;
        }
    }
}
