using System.Linq;
using System.Collections.Generic;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Binding;

/// <summary>
/// Binds an <c>ApplicationTemplate</c> to the ApplicationSet's <c>spec.template</c>, in the template mode, and
/// finds the chart path and the per-environment value-file pattern the values files follow.
/// </summary>
internal sealed class ApplicationTemplateBinder
{
    private readonly BindingContext _context;
    private readonly TemplateMode _mode;

    public ApplicationTemplateBinder(BindingContext context, TemplateMode mode)
    {
        _context = context;
        _mode = mode;
    }

    /// <summary>The Helm source's path (where values files are written), when it is a literal.</summary>
    public string? ChartPath { get; private set; }

    /// <summary>The value-file entry that varies per cluster, when there is one.</summary>
    public EnvironmentFilePattern? EnvironmentFiles { get; private set; }

    /// <summary>The inline <c>HelmSource.Values</c> as a tree, with the places of their keys (for the chart checks).</summary>
    public YamlMapping? InlineValueTree { get; private set; }

    public YamlMapping? Bind(DslValue value)
    {
        if (value is not DslObject template)
        {
            _context.Error(value.Origin, "expected new ApplicationTemplate(name) { ... }.");
            return null;
        }

        var yaml = new YamlMapping();
        var metadata = yaml.GetOrAddMapping("metadata");
        SetText(metadata, "name", template.Find("Name")?.Value, "The Application name", required: true);
        SetTextMap(metadata, "labels", template.Find("Labels")?.Value, "Labels");
        SetTextMap(metadata, "annotations", template.Find("Annotations")?.Value, "Annotations");
        NotificationSubscriptionBinder.Bind(_context, metadata, template.Find("Notifications")?.Value);
        SetTextList(metadata, "finalizers", template.Find("Finalizers")?.Value, "Finalizers");

        var spec = yaml.GetOrAddMapping("spec");
        var project = template.Find("Project")?.Value;
        if (project is null || project is DslScalar { Kind: ScalarKind.Null }) spec.Set("project", "default");
        else SetText(spec, "project", project, "Project", required: true);

        var destination = template.Find("Destination")?.Value;
        if (destination is DslObject d)
        {
            var destinationYaml = spec.GetOrAddMapping("destination");
            SetText(destinationYaml, "server", d.Find("Server")?.Value, "Destination.Server", required: true);
            SetText(destinationYaml, "namespace", d.Find("Namespace")?.Value, "Destination.Namespace", required: true);
        }
        else
        {
            _context.Error(template.Origin, "the template needs a Destination, e.g. Destination = new(Param.Server, \"my-namespace\").");
        }

        if (template.Find("Source")?.Value is DslObject source) BindSource(spec, source);
        else _context.Error(template.Origin, "the template needs a Source, e.g. Source = new HelmSource(\"https://github.com/org/repo\", \"helm/\", \"main\").");

        if (template.Find("SyncPolicy")?.Value is DslObject syncPolicy) BindSyncPolicy(spec, syncPolicy);
        return yaml;
    }

    private void BindSource(YamlMapping spec, DslObject source)
    {
        var yaml = spec.GetOrAddMapping("source");
        SetText(yaml, "repoURL", source.Find("RepoUrl")?.Value, "RepoUrl", required: true);
        SetText(yaml, "path", source.Find("Path")?.Value, "Path", required: true);
        SetText(yaml, "targetRevision", source.Find("TargetRevision")?.Value, "TargetRevision", required: false);
        if (source.Find("Path")?.Value is DslScalar { Kind: ScalarKind.String } path) ChartPath = path.Text;

        var helm = new YamlMapping();
        SetText(helm, "releaseName", source.Find("ReleaseName")?.Value, "ReleaseName", required: false);
        var valueFiles = DslReader.List(_context, source.Find("ValueFiles")?.Value, "ValueFiles");
        if (valueFiles.Count > 0)
        {
            var files = new YamlSequence();
            foreach (var file in valueFiles)
            {
                var text = TemplateStringBinder.Bind(_context, _mode, file, "A value file");
                if (text is not null) files.Add(text);
                FindEnvironmentPattern(file);
            }

            helm.Set("valueFiles", files);
        }

        if (DslReader.Bool(_context, source.Find("IgnoreMissingValueFiles")?.Value, "IgnoreMissingValueFiles"))
        {
            helm.Set("ignoreMissingValueFiles", YamlScalar.Bool(true));
        }

        var inline = InlineValues(source.Find("Values")?.Value);
        if (inline is not null && inline.Count > 0)
        {
            InlineValueTree = inline;
            var text = YamlScalar.String(YamlWriter.Write(inline));
            text.Origin = source.Find("Values")?.Value.Origin;
            text.PartOrigins = YamlTree.Strings(inline).Where(part => part.Origin is not null).Select(part => (part.Value, part.Origin!)).ToList();
            helm.Set("values", text);
        }

        if (helm.Count > 0) yaml.Set("helm", helm);
    }

    // Inline values may hold template parameters (rendered per cluster by Argo CD) as well as literals.
    private YamlMapping? InlineValues(DslValue? value)
    {
        var entries = DslReader.Map(_context, value, "HelmSource.Values");
        if (entries.Count == 0) return null;
        var mapping = new YamlMapping { KeyOrigins = new Dictionary<string, SourceSpan>() };
        foreach (var entry in entries)
        {
            var key = DslReader.String(_context, entry.Key, "An inline values key");
            if (key is null) continue;
            var node = InlineValue(entry.Value, key);
            if (node is not null) mapping.Set(key, node);
            if (node is not null && entry.Key.Origin is not null) mapping.KeyOrigins[key] = entry.Key.Origin;
        }

        return mapping;
    }

    private YamlNode? InlineValue(DslValue value, string key) => value switch
    {
        DslScalar { Kind: not ScalarKind.String } or DslObject or DslList => HelmValuesBinder.Bind(_context, value, "Values." + key),
        DslMap map => InlineValues(map),
        _ => TemplateStringBinder.Bind(_context, _mode, value, "Inline value '" + key + "'"),
    };

    private void FindEnvironmentPattern(DslValue file)
    {
        if (file is not DslInterpolation interpolation) return;
        var parts = interpolation.Parts;
        var paramIndex = -1;
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i] is DslScalar { Kind: ScalarKind.String }) continue;
            if (paramIndex >= 0 || TemplateStringBinder.AsParam(parts[i]) is null) return;
            paramIndex = i;
        }

        if (paramIndex < 0) return;
        var param = TemplateStringBinder.AsParam(parts[paramIndex])!.Value;
        var prefix = string.Empty;
        var suffix = string.Empty;
        for (var i = 0; i < parts.Count; i++)
        {
            if (i < paramIndex) prefix += ((DslScalar)parts[i]).Text;
            if (i > paramIndex) suffix += ((DslScalar)parts[i]).Text;
        }

        EnvironmentFiles ??= new EnvironmentFilePattern(prefix, param.Kind, param.Key, suffix);
    }

    private void BindSyncPolicy(YamlMapping spec, DslObject policy)
    {
        var yaml = new YamlMapping();
        if (policy.Find("Automated")?.Value is DslObject automated)
        {
            yaml.GetOrAddMapping("automated")
                .Set("prune", Flag(automated, "Prune"))
                .Set("selfHeal", Flag(automated, "SelfHeal"))
                .Set("allowEmpty", Flag(automated, "AllowEmpty"));
        }

        SetTextList(yaml, "syncOptions", policy.Find("SyncOptions")?.Value, "SyncOptions");
        if (policy.Find("Retry")?.Value is DslObject retry)
        {
            var retryYaml = yaml.GetOrAddMapping("retry");
            retryYaml.Set("limit", YamlScalar.Int(DslReader.Int(_context, retry.Find("Limit")?.Value, "Retry.Limit") ?? 0));
            if (retry.Find("Backoff")?.Value is DslObject backoff)
            {
                var backoffYaml = retryYaml.GetOrAddMapping("backoff");
                SetText(backoffYaml, "duration", backoff.Find("Duration")?.Value, "Backoff.Duration", required: false);
                var factor = DslReader.Int(_context, backoff.Find("Factor")?.Value, "Backoff.Factor");
                if (factor is not null) backoffYaml.Set("factor", YamlScalar.Int(factor.Value));
                SetText(backoffYaml, "maxDuration", backoff.Find("MaxDuration")?.Value, "Backoff.MaxDuration", required: false);
            }
        }

        if (yaml.Count > 0) spec.Set("syncPolicy", yaml);
    }

    private YamlScalar Flag(DslObject owner, string name)
    {
        var value = owner.Find(name)?.Value;
        var flag = YamlScalar.Bool(DslReader.Bool(_context, value, name));
        flag.Origin = value?.Origin;
        return flag;
    }

    private void SetText(YamlMapping target, string key, DslValue? value, string what, bool required)
    {
        var text = TemplateStringBinder.Bind(_context, _mode, value, what);
        if (text is not null) target.Set(key, text);
        else if (required && (value is null || value is DslScalar { Kind: ScalarKind.Null })) _context.Error(value?.Origin, what + " is required.");
    }

    private void SetTextList(YamlMapping target, string key, DslValue? value, string what)
    {
        var items = DslReader.List(_context, value, what);
        if (items.Count == 0) return;
        var sequence = new YamlSequence();
        foreach (var item in items)
        {
            var text = TemplateStringBinder.Bind(_context, _mode, item, what);
            if (text is not null) sequence.Add(text);
        }

        target.Set(key, sequence);
    }

    private void SetTextMap(YamlMapping target, string key, DslValue? value, string what)
    {
        var entries = DslReader.Map(_context, value, what);
        if (entries.Count == 0) return;
        var mapping = new YamlMapping { KeyOrigins = new Dictionary<string, SourceSpan>() };
        foreach (var entry in entries)
        {
            var entryKey = TemplateStringBinder.Bind(_context, _mode, entry.Key, what + " key");
            var text = TemplateStringBinder.Bind(_context, _mode, entry.Value, what + " value");
            if (entryKey is null || text is null) continue;
            mapping.Set(entryKey.Value, text);
            if (entry.Key.Origin is not null) mapping.KeyOrigins[entryKey.Value] = entry.Key.Origin;
        }

        target.Set(key, mapping);
    }
}
