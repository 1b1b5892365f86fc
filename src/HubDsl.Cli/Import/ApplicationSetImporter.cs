using System.Globalization;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Import;

/// <summary>
/// Reads an ApplicationSet into the DSL's shape: one Cluster generator (selector and values) and a template with a
/// Helm (or plain) source. A field the DSL has no member for is listed and the rest imported; an ApplicationSet whose
/// generators or destination the DSL cannot express is listed as a whole, never guessed at.
/// </summary>
internal sealed class ApplicationSetImporter
{
    private readonly string _file;
    private readonly List<ImportOmission> _omissions;
    private bool _goTemplate;

    private ApplicationSetImporter(string file, List<ImportOmission> omissions)
    {
        _file = file;
        _omissions = omissions;
    }

    /// <summary>The ApplicationSet in the DSL's shape, or null when it cannot be expressed (listed in <paramref name="omissions"/>).</summary>
    public static ImportedAppSet? Import(YamlMapping appSet, string file, List<ImportOmission> omissions) =>
        new ApplicationSetImporter(file, omissions).Read(appSet);

    private ImportedAppSet? Read(YamlMapping appSet)
    {
        var metadata = appSet["metadata"] as YamlMapping;
        var name = metadata?["name"]?.AsString();
        if (name is null || !KubernetesNames.IsDnsSubdomain(name))
        {
            Whole("metadata.name", "the ApplicationSet has no valid metadata.name");
            return null;
        }

        var where = _file + " (ApplicationSet " + name + ")";
        var skipped = new List<ImportOmission>();
        void Skip(string path, string reason) => skipped.Add(new ImportOmission(where, path, reason));

        foreach (var key in Keys(appSet, "apiVersion", "kind", "metadata", "spec", "status")) Skip(key, "not part of an ApplicationSet the DSL declares");
        foreach (var key in Keys(metadata, "name", "namespace", "labels", "annotations", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "finalizers")) Skip("metadata." + key, "the DSL does not declare the ApplicationSet's " + key);
        foreach (var label in Pairs(metadata?["labels"]).Where(l => l.Key != ManifestLabels.ManagedByKey && !l.Key.StartsWith(ManifestLabels.FleetKeyPrefix, StringComparison.Ordinal)))
        {
            Skip("metadata.labels." + label.Key, "the DSL does not label the ApplicationSet itself (the build adds " + ManifestLabels.ManagedByKey + " and its fleet label)");
        }

        foreach (var annotation in Pairs(metadata?["annotations"]).Where(a => a.Key != "kubectl.kubernetes.io/last-applied-configuration"))
        {
            Skip("metadata.annotations." + annotation.Key, "the DSL does not annotate the ApplicationSet itself");
        }

        var spec = appSet["spec"] as YamlMapping;
        if (spec is null)
        {
            Whole("spec", "the ApplicationSet " + name + " has no spec");
            return null;
        }

        _goTemplate = spec["goTemplate"] is YamlScalar { Value: "true" };
        string? missingKey = null;
        if (spec["goTemplateOptions"] is YamlSequence options)
        {
            foreach (var option in options)
            {
                var text = option.AsString();
                if (text is "missingkey=zero" or "missingkey=error") missingKey = text.Substring("missingkey=".Length);
                else if (text is not "missingkey=default" and not "missingkey=invalid") Skip("spec.goTemplateOptions", "the DSL knows only the missingkey option (MissingKey); '" + text + "' is left out");
            }
        }

        foreach (var key in Keys(spec, "goTemplate", "goTemplateOptions", "generators", "template", "syncPolicy", "strategy", "templatePatch"))
        {
            Skip("spec." + key, "the DSL has no member for spec." + key);
        }

        if (spec["templatePatch"] is not null) Skip("spec.templatePatch", "the DSL has no templatePatch: it writes the whole template. Express the patched fields in the ApplicationTemplate, per cluster with Param, or keep this ApplicationSet in YAML");
        var rollout = RollingSyncImporter.Read(spec["strategy"], Skip);

        var preserve = false;
        if (spec["syncPolicy"] is YamlMapping appSetSync)
        {
            preserve = appSetSync["preserveResourcesOnDeletion"] is YamlScalar { Value: "true" };
            foreach (var key in Keys(appSetSync, "preserveResourcesOnDeletion")) Skip("spec.syncPolicy." + key, "the DSL declares only PreserveResourcesOnDeletion of the ApplicationSet's own sync policy");
        }

        // The generator: exactly one Cluster generator.
        var generators = spec["generators"] as YamlSequence;
        if (generators is null || generators.Count != 1 || generators[0] is not YamlMapping generator || generator["clusters"] is not YamlMapping and not YamlScalar { Kind: ScalarKind.Null })
        {
            var kinds = generators?.OfType<YamlMapping>().SelectMany(g => g.Keys).ToList() ?? new List<string>();
            Whole(where, "spec.generators", "the DSL declares one Cluster generator per ApplicationSet; this one has " +
                (kinds.Count == 0 ? "none" : string.Join(", ", kinds.Select(k => k + " generator"))) + ". It is not imported: keep it in YAML (or extend the C# by hand)");
            return null;
        }

        var clusters = generator["clusters"] as YamlMapping ?? new YamlMapping();
        foreach (var key in Keys(generator, "clusters")) Skip("spec.generators[0]." + key, "the DSL has no generator " + key + " option");
        foreach (var key in Keys(clusters, "selector", "values")) Skip("spec.generators[0].clusters." + key, "the DSL's Cluster generator has no " + key);
        var selector = ReadSelector(clusters["selector"] as YamlMapping, Skip);
        var generatorValues = new List<(string, TemplateText)>();
        foreach (var entry in Pairs(clusters["values"])) generatorValues.Add((entry.Key, Text(entry.Value)));

        // The template.
        if (spec["template"] is not YamlMapping template)
        {
            Whole(where, "spec.template", "the ApplicationSet has no template");
            return null;
        }

        var imported = ReadTemplate(template, where, Skip);
        if (imported is null) return null;
        _omissions.AddRange(skipped);
        return new ImportedAppSet(_file, name, metadata?["namespace"]?.AsString() ?? "argocd", _goTemplate, missingKey, preserve, selector, generatorValues, imported)
        {
            Rollout = rollout,
        };
    }

    private ImportedTemplate? ReadTemplate(YamlMapping template, string where, Action<string, string> skip)
    {
        var metadata = template["metadata"] as YamlMapping ?? new YamlMapping();
        var spec = template["spec"] as YamlMapping ?? new YamlMapping();
        foreach (var key in Keys(template, "metadata", "spec")) skip("spec.template." + key, "not part of an Application template");
        foreach (var key in Keys(metadata, "name", "labels", "annotations", "finalizers")) skip("spec.template.metadata." + key, "the DSL's ApplicationTemplate has no " + key + " (Applications are always created in the ApplicationSet's namespace)");
        var name = metadata["name"]?.AsString();
        if (name is null)
        {
            Whole(where, "spec.template.metadata.name", "the template has no Application name");
            return null;
        }

        foreach (var key in Keys(spec, "project", "destination", "source", "syncPolicy"))
        {
            if (key == "sources") continue;
            skip("spec.template.spec." + key, "the DSL's ApplicationTemplate has no " + key);
        }

        if (spec["sources"] is not null)
        {
            Whole(where, "spec.template.spec.sources", "the DSL declares one source per Application; multi-source Applications are not imported");
            return null;
        }

        var destination = spec["destination"] as YamlMapping;
        var server = destination?["server"]?.AsString();
        if (server is null)
        {
            Whole(where, "spec.template.spec.destination", destination?["name"] is not null
                ? "the destination names the cluster (destination.name); the DSL's Destination uses the server URL (Param.Server), which is unique. Change destination.name: '{{name}}' to server: '{{server}}' and import again"
                : "the template has no destination server");
            return null;
        }

        foreach (var key in Keys(destination, "server", "namespace")) skip("spec.template.spec.destination." + key, "the DSL's Destination has only Server and Namespace");

        if (spec["source"] is not YamlMapping source)
        {
            Whole(where, "spec.template.spec.source", "the template has no source");
            return null;
        }

        if (source["chart"] is not null || source["path"]?.AsString() is null)
        {
            Whole(where, "spec.template.spec.source", source["chart"] is not null
                ? "the source is a chart from a Helm repository (source.chart); the DSL's HelmSource is a chart folder in a Git repository"
                : "the source has no path");
            return null;
        }

        var importedSource = ReadSource(source, skip);
        ImportedSyncPolicy? sync = null;
        if (spec["syncPolicy"] is YamlMapping syncPolicy) sync = ReadSyncPolicy(syncPolicy, skip);

        return new ImportedTemplate(
            Text(name),
            Pairs(metadata["labels"]).Select(p => (Text(p.Key), Text(p.Value))).ToList(),
            Pairs(metadata["annotations"]).Select(p => (Text(p.Key), Text(p.Value))).ToList(),
            Strings(metadata["finalizers"]).Select(Text).ToList(),
            spec["project"]?.AsString() is { } project ? Text(project) : null,
            Text(server),
            Text(destination?["namespace"]?.AsString() ?? string.Empty),
            importedSource,
            sync);
    }

    private ImportedSource ReadSource(YamlMapping source, Action<string, string> skip)
    {
        foreach (var key in Keys(source, "repoURL", "path", "targetRevision", "helm")) skip("spec.template.spec.source." + key, "the DSL's HelmSource has no " + key);
        var helm = source["helm"] as YamlMapping ?? new YamlMapping();
        foreach (var key in Keys(helm, "releaseName", "valueFiles", "values", "ignoreMissingValueFiles"))
        {
            skip("spec.template.spec.source.helm." + key, "the DSL's HelmSource has no " + key + (key == "valuesObject" ? " (write the values as helm.values text, or in the chart's values files)" : string.Empty));
        }

        var files = Strings(helm["valueFiles"]).Select(Text).ToList();
        EnvironmentFilePattern? pattern = null;
        foreach (var file in files)
        {
            var parameters = file.Parts.Where(p => p.Kind is not null).ToList();
            if (file.IsRaw || parameters.Count != 1) continue;
            var index = file.Parts.ToList().IndexOf(parameters[0]);
            var prefix = string.Concat(file.Parts.Take(index).Select(p => p.Text));
            var suffix = string.Concat(file.Parts.Skip(index + 1).Select(p => p.Text));
            pattern ??= new EnvironmentFilePattern(prefix, parameters[0].Kind!.Value, parameters[0].Key, suffix);
        }

        YamlMapping? inline = null;
        if (helm["values"] is YamlScalar { Kind: ScalarKind.String } valuesText && valuesText.Value.Trim().Length > 0)
        {
            try
            {
                inline = YamlReader.Parse(valuesText.Value) as YamlMapping;
            }
            catch (YamlReaderException)
            {
                inline = null;
            }

            if (inline is null) skip("spec.template.spec.source.helm.values", "the inline values are not a YAML mapping before rendering, so the DSL's Values dictionary cannot hold them");
            else if (!InlineExpressible(inline, out var badPath))
            {
                skip("spec.template.spec.source.helm.values." + badPath, "the DSL's inline Values take template parameters only in text values, not in lists");
                inline = null;
            }
        }

        return new ImportedSource(
            Text(source["repoURL"]?.AsString() ?? string.Empty),
            Text(source["path"]!.AsString()!),
            source["targetRevision"]?.AsString() is { } revision ? Text(revision) : null,
            helm["releaseName"]?.AsString() is { } release ? Text(release) : null,
            files,
            inline,
            helm["ignoreMissingValueFiles"] is YamlScalar { Value: "true" })
        {
            EnvironmentFiles = pattern,
        };
    }

    // Lists in inline values are written as typed values: they cannot hold template parameters.
    private bool InlineExpressible(YamlNode node, out string path)
    {
        path = string.Empty;
        switch (node)
        {
            case YamlMapping mapping:
                foreach (var entry in mapping)
                {
                    if (!InlineExpressible(entry.Value, out var inner))
                    {
                        path = entry.Key + (inner.Length == 0 ? string.Empty : "." + inner);
                        return false;
                    }
                }

                return true;
            case YamlSequence sequence:
                return !ManifestMeaning.Strings(sequence).Any(s => s.Contains("{{", StringComparison.Ordinal));
            default:
                return true;
        }
    }

    private ImportedSyncPolicy ReadSyncPolicy(YamlMapping policy, Action<string, string> skip)
    {
        foreach (var key in Keys(policy, "automated", "syncOptions", "retry")) skip("spec.template.spec.syncPolicy." + key, "the DSL's SyncPolicy has no " + key);
        (bool, bool, bool)? automated = null;
        if (policy["automated"] is YamlMapping or YamlScalar { Kind: ScalarKind.Null } && policy.ContainsKey("automated"))
        {
            var a = policy["automated"] as YamlMapping ?? new YamlMapping();
            foreach (var key in Keys(a, "prune", "selfHeal", "allowEmpty")) skip("spec.template.spec.syncPolicy.automated." + key, "the DSL's AutomatedSync has no " + key);
            automated = (Flag(a["prune"]), Flag(a["selfHeal"]), Flag(a["allowEmpty"]));
        }

        ImportedRetry? retry = null;
        if (policy["retry"] is YamlMapping r)
        {
            foreach (var key in Keys(r, "limit", "backoff")) skip("spec.template.spec.syncPolicy.retry." + key, "the DSL's RetryPolicy has no " + key);
            var backoff = r["backoff"] as YamlMapping;
            foreach (var key in Keys(backoff, "duration", "factor", "maxDuration")) skip("spec.template.spec.syncPolicy.retry.backoff." + key, "the DSL's Backoff has no " + key);
            retry = new ImportedRetry(Number(r["limit"]) ?? 0, backoff is not null, backoff?["duration"]?.AsString() ?? Scalar(backoff?["duration"]),
                Number(backoff?["factor"]), backoff?["maxDuration"]?.AsString() ?? Scalar(backoff?["maxDuration"]));
        }

        return new ImportedSyncPolicy(automated, Strings(policy["syncOptions"]).Select(Text).ToList(), retry);
    }

    private static LabelSelectorModel ReadSelector(YamlMapping? selector, Action<string, string> skip)
    {
        if (selector is null) return LabelSelectorModel.Empty;
        foreach (var key in Keys(selector, "matchLabels", "matchExpressions")) skip("spec.generators[0].clusters.selector." + key, "not part of a label selector");
        var labels = Pairs(selector["matchLabels"]).Select(p => new StringPair(p.Key, p.Value)).ToList();
        var expressions = new List<LabelRequirementModel>();
        var index = 0;
        foreach (var item in (selector["matchExpressions"] as YamlSequence) ?? new YamlSequence())
        {
            var path = "spec.generators[0].clusters.selector.matchExpressions[" + index++ + "]";
            var key = (item as YamlMapping)?["key"]?.AsString();
            var op = (item as YamlMapping)?["operator"]?.AsString();
            if (key is null || op is not ("In" or "NotIn" or "Exists" or "DoesNotExist"))
            {
                skip(path, "not a label selector requirement (key, and operator In, NotIn, Exists or DoesNotExist)");
                continue;
            }

            expressions.Add(new LabelRequirementModel(key, op, Strings((item as YamlMapping)?["values"]).ToEquatableArray()));
        }

        return new LabelSelectorModel(labels.ToEquatableArray(), expressions.ToEquatableArray());
    }

    private TemplateText Text(string text) => TemplateText.Parse(text, _goTemplate);

    private void Whole(string path, string reason) => _omissions.Add(new ImportOmission(_file, path, reason));

    private void Whole(string where, string path, string reason) => _omissions.Add(new ImportOmission(where, path, reason));

    /// <summary>The keys of a mapping other than the expected ones, in file order.</summary>
    private static IEnumerable<string> Keys(YamlMapping? mapping, params string[] expected) =>
        mapping is null ? Enumerable.Empty<string>() : mapping.Keys.Where(k => Array.IndexOf(expected, k) < 0).ToList();

    private static List<KeyValuePair<string, string>> Pairs(YamlNode? node) =>
        node is YamlMapping mapping ? mapping.Where(e => e.Value is YamlScalar).Select(e => KeyValuePair.Create(e.Key, Scalar(e.Value) ?? string.Empty)).ToList() : new();

    private static IEnumerable<string> Strings(YamlNode? node) =>
        node is YamlSequence sequence ? sequence.Select(Scalar).Where(s => s is not null).Select(s => s!).ToList() : Enumerable.Empty<string>();

    private static string? Scalar(YamlNode? node) => node is YamlScalar { Kind: not ScalarKind.Null } s ? s.Value : null;

    private static bool Flag(YamlNode? node) => node is YamlScalar { Value: "true" };

    private static long? Number(YamlNode? node) =>
        node is YamlScalar s && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
}
