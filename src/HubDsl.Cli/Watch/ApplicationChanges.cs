using HubDsl.Cli.Input;
using HubDsl.Core.Manifests;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Watch;

/// <summary>
/// Which generated Applications a pass changed, per cluster. Both sides are rendered from the generated files
/// with the renderer <c>hubdsl preview</c> uses (the generated ApplicationSets against the generated cluster
/// Secrets, with the hub's in-cluster as in a default Argo CD install), and each Application's Helm values are
/// the generated values files it names, merged in order as Helm merges them, so an edit that another file
/// overrides for a cluster is not reported for that cluster. Parsed files and renders are kept between passes.
/// </summary>
internal sealed class ApplicationChanges
{
    private readonly Dictionary<string, (string Content, IReadOnlyList<YamlMapping> Objects)> _parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Content, YamlMapping? Values)> _values = new(StringComparer.Ordinal);
    private List<KeyValuePair<string, string>>? _renderedFrom;
    private IReadOnlyList<RenderedApplication> _rendered = [];
    private Func<string, string?>? _readChartFile;

    /// <summary>The Applications of a tree of generated files (path → content), rendered once per distinct set of hub files.</summary>
    public IReadOnlyList<RenderedApplication> Render(IReadOnlyDictionary<string, string> files)
    {
        var hub = files.Where(f => f.Key.StartsWith(FleetManifests.HubManifestFolder, StringComparison.Ordinal) && f.Key.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        if (_renderedFrom is not null && _renderedFrom.SequenceEqual(hub)) return _rendered;

        var objects = hub.SelectMany(f => Parse(f.Key, f.Value)).ToList();
        var secrets = objects.Where(o => ManifestFiles.IsKind(o, "v1", "Secret")).ToList();
        var clusterNames = new Dictionary<string, string>(StringComparer.Ordinal) { [ClusterInfo.InClusterServer] = ClusterInfo.InClusterName };
        foreach (var secret in secrets)
        {
            if (ClusterSecretParser.TryParse(secret, out var info, out _)) clusterNames[info.NormalizedServer] = info.Name;
        }

        var rendered = new List<RenderedApplication>();
        foreach (var appSet in objects.Where(o => ManifestFiles.IsKind(o, "argoproj.io/v1alpha1", "ApplicationSet")))
        {
            foreach (var app in ApplicationSetRenderer.Render(appSet, secrets, new RenderOptions { IncludeInCluster = true }).Applications)
            {
                rendered.Add(RenderedApplication.From(app, clusterNames));
            }
        }

        (_renderedFrom, _rendered) = (hub, rendered);
        return rendered;
    }

    /// <summary>The changes from one tree to the next.</summary>
    /// <param name="readChartFile">Reads a file the build does not write (a chart's own values.yaml) by its path under the output root, or null.</param>
    public IReadOnlyList<ApplicationChange> Between(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, Func<string, string?>? readChartFile = null)
    {
        _readChartFile = readChartFile;
        var old = Render(before).ToDictionary(a => (a.Name, a.Cluster));
        var now = Render(after).ToDictionary(a => (a.Name, a.Cluster));
        var changes = new List<ApplicationChange>();
        foreach (var key in old.Keys.Union(now.Keys).OrderBy(k => k.Cluster, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal))
        {
            old.TryGetValue(key, out var a);
            now.TryGetValue(key, out var b);
            var fields = new List<FieldChange>();
            Compare(fields, "valueFiles", a?.ValueFiles, b?.ValueFiles);
            Compare(fields, "destination", a?.Destination, b?.Destination);
            Compare(fields, "syncPolicy", a?.SyncPolicy, b?.SyncPolicy);
            var values = ValuesChanges(a is null ? null : EffectiveValues(a, before), b is null ? null : EffectiveValues(b, after));
            if (a is not null && b is not null && fields.Count == 0 && values.Count == 0) continue;
            var kind = a is null ? ApplicationChange.Added : b is null ? ApplicationChange.Removed : ApplicationChange.Changed;
            changes.Add(new ApplicationChange(key.Name, key.Cluster, kind, kind == ApplicationChange.Changed ? fields : [], kind == ApplicationChange.Changed ? values : []));
        }

        return changes;
    }

    private static void Compare(List<FieldChange> fields, string name, string? old, string? now)
    {
        if (old != now) fields.Add(new FieldChange(name, old, now));
    }

    // Helm's order: later files win; a map merges key by key, anything else replaces; null deletes.
    private SortedDictionary<string, string> EffectiveValues(RenderedApplication app, IReadOnlyDictionary<string, string> files)
    {
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Layers(app))
        {
            if (!(files.TryGetValue(file, out var content) || (content = ChartFile(file)) is not null) || ParseValues(file, content!) is not { } values) continue;
            foreach (var (key, value) in FlatValues.Of(values))
            {
                foreach (var covered in merged.Keys.Where(k => k.StartsWith(key + ".", StringComparison.Ordinal) || key.StartsWith(k + ".", StringComparison.Ordinal)).ToList()) merged.Remove(covered);
                if (value is null) merged.Remove(key);
                else merged[key] = value;
            }
        }

        return merged;
    }

    // Helm reads the chart's own values.yaml before the value files; with a [ChartValues] record HubDsl does not write it.
    private static IEnumerable<string> Layers(RenderedApplication app) =>
        app.ChartValuesPath is { } chart && !app.ValueFilePaths.Contains(chart, StringComparer.Ordinal) ? new[] { chart }.Concat(app.ValueFilePaths) : app.ValueFilePaths;

    private string? ChartFile(string path) => _readChartFile?.Invoke(path);

    private static List<FieldChange> ValuesChanges(SortedDictionary<string, string>? old, SortedDictionary<string, string>? now)
    {
        var changes = new List<FieldChange>();
        if (old is null || now is null) return changes;
        foreach (var key in old.Keys.Union(now.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            old.TryGetValue(key, out var a);
            now.TryGetValue(key, out var b);
            if (a != b) changes.Add(new FieldChange(key, a, b));
        }

        return changes;
    }

    private IReadOnlyList<YamlMapping> Parse(string path, string content)
    {
        if (_parsed.TryGetValue(path, out var cached) && cached.Content == content) return cached.Objects;
        IReadOnlyList<YamlMapping> objects;
        try
        {
            objects = ManifestFiles.Parse(content, path);
        }
        catch (UserInputException)
        {
            objects = []; // The generator wrote it; a file it cannot read back shows no Applications rather than stopping watch.
        }

        _parsed[path] = (content, objects);
        return objects;
    }

    private YamlMapping? ParseValues(string path, string content)
    {
        if (_values.TryGetValue(path, out var cached) && cached.Content == content) return cached.Values;
        YamlMapping? values;
        try
        {
            values = YamlReader.Parse(content, path) as YamlMapping;
        }
        catch (YamlReaderException)
        {
            values = null;
        }

        _values[path] = (content, values);
        return values;
    }
}
