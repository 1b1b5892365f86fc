using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Model;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// The Helm values files of an ApplicationSet: <c>values.yaml</c> with the defaults (nulls left out), and one
/// file per declared environment holding only what differs, which Helm merges over the defaults. For a
/// <c>[ChartValues]</c> record the chart's own values.yaml is the base: the fleet's defaults go to a file of their own
/// holding only what differs from the chart's (<see cref="FleetDefaultsFile"/>).
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
        var paths = Paths(appSet);
        if (paths.Count == 0) return files;
        var declaration = appSet.ClassName;
        var chartBase = ChartBase(appSet);
        YamlMapping baseValues;
        var environments = paths.AsEnumerable();
        if (chartBase is null)
        {
            var defaults = paths[0].Values;
            baseValues = defaults?.Values ?? new YamlMapping();
            files.Add(new ManifestFile(paths[0].Path, Write(WithoutNulls(baseValues), declaration + (defaults is null ? string.Empty : "." + defaults.MemberName))));
            environments = paths.Skip(1);
        }
        else
        {
            // A [ChartValues] record: Helm starts from the chart's own values.yaml, which HubDsl never writes; the fleet's
            // defaults file holds only what differs from it. Without that file the environments' files carry it all.
            baseValues = chartBase;
            if (paths[0].Values is { Environment: null } defaults)
            {
                files.Add(new ManifestFile(paths[0].Path, Write(Diff(chartBase, defaults.Values), declaration + "." + defaults.MemberName)));
                baseValues = defaults.Values;
                environments = paths.Skip(1);
            }
        }

        // An environment declared with no change still gets its file ({}), because valueFiles names it.
        foreach (var (path, values) in environments) files.Add(new ManifestFile(path, Write(Diff(baseValues, values!.Values), declaration + "." + values.MemberName)));
        return files;
    }

    /// <summary>
    /// The values files' paths, each with its <c>[Values]</c> member: first the defaults file, then one per environment
    /// in name order. Empty without a chart path or values. The defaults file is <c>values.yaml</c> (its member is null
    /// when only environments are declared); for a <c>[ChartValues]</c> record it is the fleet defaults file
    /// (<see cref="FleetDefaultsFile"/>), left out when there are no <c>[Values]</c> defaults or no such file.
    /// </summary>
    public static IReadOnlyList<(string Path, ValuesModel? Values)> Paths(ApplicationSetModel appSet)
    {
        var paths = new List<(string, ValuesModel?)>();
        if (appSet.ChartPath is null) return paths;
        var folder = ChartFolder(appSet.ChartPath);
        folder = folder.Length == 0 ? string.Empty : folder + "/";

        ValuesModel? defaults = null;
        var byEnvironment = new SortedDictionary<string, ValuesModel>(System.StringComparer.Ordinal);
        foreach (var values in appSet.Values)
        {
            if (values.Environment is null) defaults = values;
            else byEnvironment[values.Environment] = values;
        }

        if (defaults is null && byEnvironment.Count == 0) return paths;
        if (ChartBase(appSet) is null) paths.Add((folder + "values.yaml", defaults));
        else if (defaults is not null && FleetDefaultsFile(appSet) is { } fleetFile) paths.Add((folder + fleetFile, defaults));
        var pattern = appSet.EnvironmentFiles ?? new EnvironmentFilePattern("values-", ParamKind.Label, "env", ".yaml");
        foreach (var pair in byEnvironment) paths.Add((folder + pattern.FileFor(pair.Key), pair.Value));
        return paths;
    }

    /// <summary>
    /// The chart's defaults as a <c>[ChartValues]</c> record writes them, when the ApplicationSet's values are typed
    /// from its chart (the defaults' record, else the first environment's); null for hand-written records.
    /// </summary>
    public static YamlMapping? ChartBase(ApplicationSetModel appSet)
    {
        var first = appSet.Values.FirstOrDefault(v => v.Environment is null) ?? appSet.Values.FirstOrDefault();
        return first?.ChartBase;
    }

    /// <summary>
    /// Where a <c>[ChartValues]</c> record's fleet defaults go: the first plain <c>ValueFiles</c> entry (no parameter)
    /// other than <c>values.yaml</c> (the chart's own) that comes before the first per-environment entry, so the
    /// environment's file still wins. Null when there is none (HUB033).
    /// </summary>
    public static string? FleetDefaultsFile(ApplicationSetModel appSet)
    {
        var helm = YamlTree.Find(appSet.Manifest, "spec", "template", "spec", "source", "helm") as YamlMapping;
        if (helm?["valueFiles"] is not YamlSequence files) return null;
        foreach (var file in files)
        {
            if (file is not YamlScalar { Kind: ScalarKind.String } entry) continue;
            if (entry.Value.Contains("{{")) return null;
            var name = ChartFolder(entry.Value);
            if (name.Length == 0 || name == "values.yaml") continue;
            return name;
        }

        return null;
    }

    /// <summary>
    /// The chart folder as a relative path: without empty and '.' segments, as Argo CD cleans it (<c>./helm/</c> is
    /// <c>helm</c>). A '..' stays, and is reported (HUB020).
    /// </summary>
    public static string ChartFolder(string chartPath) =>
        string.Join("/", chartPath.Split('/').Where(segment => segment.Length > 0 && segment != "."));

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
