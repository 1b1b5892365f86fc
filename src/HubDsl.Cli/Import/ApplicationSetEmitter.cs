using System.Text;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Import;

/// <summary>One <c>[ApplicationSet]</c> class: its targets, its template and its <c>[Values]</c> members.</summary>
internal static class ApplicationSetEmitter
{
    /// <summary>The class's source.</summary>
    public static string Emit(string @namespace, string className, ImportedAppSet appSet, ValuesRecordEmitter? values, ChartValuesRecordEmitter? chartValues = null)
    {
        var sb = new StringBuilder();
        sb.Append("using System.Collections.Generic;\nusing HubDsl;\n\nnamespace ").Append(@namespace).Append(";\n\n");
        sb.Append("/// <summary>Imported from ").Append(CSharpText.XmlDoc(CSharpText.Comment(appSet.SourceFile))).Append(".</summary>\n");
        var options = new List<string> { CSharpText.String(appSet.Name) };
        if (appSet.Namespace != "argocd") options.Add("Namespace = " + CSharpText.String(appSet.Namespace));
        if (appSet.GoTemplate) options.Add("GoTemplate = true");
        if (appSet.MissingKey is { } missingKey) options.Add("MissingKey = MissingKey." + (missingKey == "zero" ? "Zero" : "Error"));
        if (appSet.PreserveResourcesOnDeletion) options.Add("PreserveResourcesOnDeletion = true");
        sb.Append("[ApplicationSet(").Append(string.Join(", ", options)).Append(")]\n");
        sb.Append("public static partial class ").Append(className).Append("\n{\n");
        Targets(sb, appSet);
        sb.Append('\n');
        Template(sb, appSet.Template, appSet.GoTemplate);
        if (appSet.Rollout is { } rollout)
        {
            sb.Append('\n');
            Rollout(sb, rollout);
        }

        if (values is not null && appSet.Values is { } imported)
        {
            sb.Append('\n');
            sb.Append("    [Values]\n    public static readonly ").Append(values.RootName).Append(" Defaults = new();\n");
            var members = new Identifiers(className, "Targets", "Template", "Rollout", "Defaults");
            foreach (var (environment, file, merged) in imported.Environments)
            {
                var expression = values.Environment(merged, Path.GetFileName(file), "    ", out var placeholder);
                sb.Append('\n');
                if (placeholder) sb.Append("#pragma warning disable HUB013 // ExternalSecretRef placeholders: the values hold the Secret's name, not a credential\n");
                sb.Append("    [Values(").Append(CSharpText.String(environment)).Append(")]\n");
                sb.Append("    public static readonly ").Append(values.RootName).Append(' ').Append(members.Member(environment)).Append(" = ").Append(expression).Append(";\n");
                if (placeholder) sb.Append("#pragma warning restore HUB013\n");
            }
        }

        if (chartValues is not null && appSet.Values is { } typed) ChartTypedValues(sb, className, chartValues, typed);
        return sb.Append("}\n").ToString();
    }

    // Values typed from the chart: Defaults is the chart's values.yaml with what the fleet defaults file changes. Without
    // such a file it is no [Values] member (HubDsl never writes the chart's values.yaml, HUB033), only the base the
    // environments are written from; each environment's file then holds what it changes from the chart, as the input's does.
    private static void ChartTypedValues(StringBuilder sb, string className, ChartValuesRecordEmitter values, ImportedValues imported)
    {
        sb.Append('\n');
        if (values.HasFleetDefaults) sb.Append("    [Values]\n");
        else sb.Append("    /// <summary>The chart's defaults (its values.yaml), which each environment changes.</summary>\n");
        sb.Append("    public static readonly ").Append(values.RootName).Append(" Defaults = ").Append(values.Defaults(imported.Defaults, out _)).Append(";\n");
        var members = new Identifiers(className, "Targets", "Template", "Rollout", "Defaults");
        foreach (var (environment, file, merged) in imported.Environments)
        {
            var expression = values.Environment(imported.Defaults, merged, Path.GetFileName(file), "    ", out var placeholder, out _);
            sb.Append('\n');
            if (placeholder) sb.Append("#pragma warning disable HUB013 // ExternalSecretRef placeholders: the values hold the Secret's name, not a credential\n");
            sb.Append("    [Values(").Append(CSharpText.String(environment)).Append(")]\n");
            sb.Append("    public static readonly ").Append(values.RootName).Append(' ').Append(members.Member(environment)).Append(" = ").Append(expression).Append(";\n");
            if (placeholder) sb.Append("#pragma warning restore HUB013\n");
        }
    }

    private static void Targets(StringBuilder sb, ImportedAppSet appSet)
    {
        var selector = Selector(appSet.Selector);
        if (appSet.GeneratorValues.Count == 0)
        {
            sb.Append("    public static readonly ClusterSelector Targets = ").Append(selector).Append(";\n");
            return;
        }

        sb.Append("    public static readonly ClusterGenerator Targets = new(").Append(selector).Append(")\n    {\n");
        sb.Append("        Values =\n        {\n");
        foreach (var (key, value) in appSet.GeneratorValues) sb.Append("            [").Append(CSharpText.String(key)).Append("] = ").Append(CSharpText.Template(value)).Append(",\n");
        sb.Append("        },\n    };\n");
    }

    private static void Rollout(StringBuilder sb, ImportedRollout rollout)
    {
        sb.Append("    public static readonly RollingSync Rollout = new(");
        for (var i = 0; i < rollout.Steps.Count; i++)
        {
            var step = rollout.Steps[i];
            sb.Append("\n        new RollingSyncStep(").Append(string.Join(", ", step.MatchExpressions.Select(Expression))).Append(')');
            if (step.MaxUpdate is { } maxUpdate) sb.Append(" { MaxUpdate = ").Append(CSharpText.String(maxUpdate)).Append(" }");
            sb.Append(i == rollout.Steps.Count - 1 ? ");\n" : ",");
        }
    }

    private static string Expression(LabelRequirementModel e) =>
        "LabelExpression." + e.Operator + "(" + string.Join(", ", new[] { e.Key }.Concat(e.Values).Select(CSharpText.String)) + ")";

    private static string Selector(LabelSelectorModel selector)
    {
        if (selector.IsEmpty) return "ClusterSelector.All";
        var labels = selector.MatchLabels.Select(l => "(" + CSharpText.String(l.Key) + ", " + CSharpText.String(l.Value) + ")").ToList();
        var expressions = selector.MatchExpressions.Select(Expression).ToList();
        if (expressions.Count == 0) return "ClusterSelector.WithLabels(" + string.Join(", ", labels) + ")";
        if (labels.Count == 0) return "ClusterSelector.Where(" + string.Join(", ", expressions) + ")";
        return "new ClusterSelector\n    {\n        MatchLabels = { " + string.Join(", ", selector.MatchLabels.Select(l => "[" + CSharpText.String(l.Key) + "] = " + CSharpText.String(l.Value))) + " },\n" +
            "        MatchExpressions = { " + string.Join(", ", expressions) + " },\n    }";
    }

    private static void Template(StringBuilder sb, ImportedTemplate template, bool goTemplate)
    {
        sb.Append("    public static readonly ApplicationTemplate Template = new(").Append(CSharpText.Template(template.Name)).Append(")\n    {\n");
        if (template.Labels.Count > 0) sb.Append("        Labels = { ").Append(Pairs(template.Labels)).Append(" },\n");
        if (template.Annotations.Count > 0) sb.Append("        Annotations = { ").Append(Pairs(template.Annotations)).Append(" },\n");
        if (template.Finalizers.Count > 0) sb.Append("        Finalizers = [").Append(string.Join(", ", template.Finalizers.Select(f => f.Original == "resources-finalizer.argocd.argoproj.io" ? "Finalizers.ResourcesFinalizer" : CSharpText.Template(f)))).Append("],\n");
        if (template.Project is { } project && project.Original != "default") sb.Append("        Project = ").Append(CSharpText.Template(project)).Append(",\n");
        sb.Append("        Destination = new(").Append(CSharpText.Template(template.Server)).Append(", ").Append(CSharpText.Template(template.DestinationNamespace)).Append("),\n");
        Source(sb, template.Source, goTemplate);
        if (template.SyncPolicy is { } sync) SyncPolicy(sb, sync);
        sb.Append("    };\n");
    }

    private static void Source(StringBuilder sb, ImportedSource source, bool goTemplate)
    {
        sb.Append("        Source = new HelmSource(").Append(CSharpText.Template(source.RepoUrl)).Append(", Path: ").Append(CSharpText.Template(source.Path));
        if (source.TargetRevision is { } revision) sb.Append(", TargetRevision: ").Append(CSharpText.Template(revision));
        sb.Append(')');
        var body = new List<string>();
        if (source.ReleaseName is { } release) body.Add("ReleaseName = " + CSharpText.Template(release) + ",");
        if (source.ValueFiles.Count > 0) body.Add("ValueFiles = [" + string.Join(", ", source.ValueFiles.Select(CSharpText.Template)) + "],");
        if (source.IgnoreMissingValueFiles) body.Add("IgnoreMissingValueFiles = true,");
        if (source.InlineValues is { Count: > 0 } inline)
        {
            body.Add("Values =");
            body.Add("{");
            foreach (var entry in inline) body.Add("    [" + CSharpText.String(entry.Key) + "] = " + InlineValue(entry.Value, goTemplate) + ",");
            body.Add("},");
        }

        if (body.Count == 0)
        {
            sb.Append(",\n");
            return;
        }

        sb.Append("\n        {\n");
        foreach (var line in body) sb.Append("            ").Append(line).Append('\n');
        sb.Append("        },\n");
    }

    // Inline values: template text with Param where it names a parameter; nested maps as dictionaries.
    private static string InlineValue(YamlNode node, bool goTemplate) => node switch
    {
        YamlScalar { Kind: ScalarKind.String } s => CSharpText.Template(TemplateText.Parse(s.Value, goTemplate)),
        YamlScalar { Kind: ScalarKind.Null } => "null",
        YamlScalar { Kind: ScalarKind.Bool } b => b.Value,
        YamlScalar { Kind: ScalarKind.Int } i when long.TryParse(i.Value, out var n) => CSharpText.Integer(n),
        YamlScalar { Kind: ScalarKind.Float } f when double.TryParse(f.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => CSharpText.Double(d),
        YamlScalar s => CSharpText.String(s.Value),
        YamlMapping m => "new Dictionary<string, object> { " + string.Join(", ", m.Select(e => "[" + CSharpText.String(e.Key) + "] = " + InlineValue(e.Value, goTemplate))) + " }",
        YamlSequence q => "new List<object> { " + string.Join(", ", q.Select(v => InlineValue(v, goTemplate))) + " }",
        _ => "null",
    };

    private static void SyncPolicy(StringBuilder sb, ImportedSyncPolicy sync)
    {
        sb.Append("        SyncPolicy = new()\n        {\n");
        if (sync.Automated is { } a)
        {
            var flags = new List<string>();
            if (a.Prune) flags.Add("Prune: true");
            if (a.SelfHeal) flags.Add("SelfHeal: true");
            if (a.AllowEmpty) flags.Add("AllowEmpty: true");
            sb.Append("            Automated = new(").Append(string.Join(", ", flags)).Append("),\n");
        }

        if (sync.SyncOptions.Count > 0) sb.Append("            SyncOptions = [").Append(string.Join(", ", sync.SyncOptions.Select(CSharpText.Template))).Append("],\n");
        if (sync.Retry is { } retry)
        {
            sb.Append("            Retry = new(Limit: ").Append(CSharpText.Integer(retry.Limit));
            if (retry.HasBackoff)
            {
                var parts = new List<string>();
                if (retry.Duration is { } duration) parts.Add("Duration: " + CSharpText.String(duration));
                if (retry.Factor is { } factor) parts.Add("Factor: " + CSharpText.Integer(factor));
                if (retry.MaxDuration is { } max) parts.Add("MaxDuration: " + CSharpText.String(max));
                sb.Append(", Backoff: new(").Append(string.Join(", ", parts)).Append(')');
            }

            sb.Append("),\n");
        }

        sb.Append("        },\n");
    }

    private static string Pairs(IReadOnlyList<(TemplateText Key, TemplateText Value)> pairs) =>
        string.Join(", ", pairs.Select(p => "[" + CSharpText.Template(p.Key) + "] = " + CSharpText.Template(p.Value)));
}
