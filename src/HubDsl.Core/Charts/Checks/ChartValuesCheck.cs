using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Charts.Schema;
using HubDsl.Core.Manifests;
using HubDsl.Core.Model;
using HubDsl.Core.Analysis;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts.Checks;

/// <summary>
/// An ApplicationSet's Helm values against the chart that consumes them: HUB025 a key the chart never reads, HUB026
/// values the chart's values.schema.json rejects (Helm's reason), HUB027 without a schema a value whose shape
/// contradicts the chart's default. Each finding is placed on the C# member or dictionary entry that wrote the value
/// (the values' origins), and reported once where several environments share it. The values checked are what Helm
/// receives for each environment: the environment's whole record (HubDsl's files merge to exactly it) plus the inline
/// <c>HelmSource.Values</c>.
/// </summary>
public static class ChartValuesCheck
{
    /// <summary>The findings for one ApplicationSet whose chart is <paramref name="reads"/>' chart, found at <paramref name="chartFolder"/> (for messages).</summary>
    public static IReadOnlyList<Finding> Check(ApplicationSetModel appSet, ChartReads reads, string chartFolder)
    {
        if (appSet is null) throw new ArgumentNullException(nameof(appSet));
        if (reads is null) throw new ArgumentNullException(nameof(reads));
        var findings = new List<Finding>();
        var seen = new HashSet<(string, string, SourceSpan?)>();
        void Add(string id, string message, SourceSpan? origin, string dedupe)
        {
            if (origin is null || !seen.Add((id, dedupe, origin))) return;
            findings.Add(new Finding(id, message, origin));
        }

        if (reads.Chart.ValuesUnreadable) return findings;
        var chartName = "the chart '" + reads.Chart.Name + "' (" + chartFolder + ")";
        var inline = InlineValues(appSet, out var inlineOrigin, out var templated);
        var withEnvironment = appSet.Values.Where(v => v.Environment != null).ToList();
        var sent = withEnvironment.Count > 0 ? withEnvironment : appSet.Values.ToList();
        var otherFiles = HasOtherValueFiles(appSet);

        foreach (var values in appSet.Values)
        {
            var declaration = Declaration(appSet.ClassName, values.MemberName);
            var own = WithoutNulls(values.Values);
            foreach (var unread in ValuesKeyCheck.Check(reads, own).Unread)
            {
                Add(DiagnosticIds.UnreadValuesKey, declaration + ": " + chartName + " never reads the values key '" + unread.Path + "': it is not in the chart's values.yaml and no template reads it, so Helm ignores it." +
                    (unread.DidYouMean is null ? " Remove it, or name a key the chart reads." : " Did you mean '" + unread.DidYouMean + "'? Rename it ([ValuesKey(\"...\")] on the property sets the exact key)."),
                    unread.Origin, unread.Path.ToString());
            }

            if (reads.Chart.SchemaText == null)
            {
                foreach (var mismatch in ValuesShapeCheck.Check(reads, own))
                {
                    Add(DiagnosticIds.ValuesShapeMismatch, declaration + ": " + mismatch.Message + " (" + chartName + " has no values.schema.json; its defaults are the only statement of shape.) Give the value the default's shape.",
                        mismatch.Origin, mismatch.Path.ToString());
                }
            }
        }

        if (inline.Count > 0)
        {
            var declaration = Declaration(appSet.ClassName, "Template");
            foreach (var unread in ValuesKeyCheck.Check(reads, Placeholders(inline)).Unread)
            {
                Add(DiagnosticIds.UnreadValuesKey, declaration + ": " + chartName + " never reads the inline values key '" + unread.Path + "' (HelmSource.Values): it is not in the chart's values.yaml and no template reads it, so Helm ignores it." +
                    (unread.DidYouMean is null ? " Remove it, or name a key the chart reads." : " Did you mean '" + unread.DidYouMean + "'?"),
                    KeyOrigin(inline, unread.Path) ?? unread.Origin ?? inlineOrigin?.Origin, unread.Path.ToString());
            }
        }

        // Schema: per environment, what Helm validates. A values file HubDsl does not write may hold anything, so then nothing is claimed.
        if (!otherFiles && HasSchema(reads.Chart))
        {
            foreach (var values in sent)
            {
                var declaration = Declaration(appSet.ClassName, values.MemberName);
                var own = WithoutNulls(values.Values);
                var merged = Merge(own, inline);
                SchemaReport report;
                try
                {
                    report = ChartSchemaValidator.Validate(reads.Chart, merged);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    continue;
                }

                foreach (var failure in report.Failures)
                {
                    foreach (var violation in failure.Violations)
                    {
                        // A value Argo CD fills in per cluster ({{...}} in the inline values) has a type only then.
                        if (templated.Any(t => Under(violation, t))) continue;
                        // Inline values win over the files' values, so a value written there is located there.
                        var inInline = Has(inline, violation.Path);
                        var origin = (inInline ? Locate(inline, violation.Path) : null) ?? Locate(own, violation.Path) ?? values.Origin;
                        Add(DiagnosticIds.SchemaRejectsValues, (inInline ? Declaration(appSet.ClassName, "Template") : declaration) + ": " + chartName + "'s values.schema.json rejects these values, so helm template fails on the hub for this environment: " +
                            (failure.Chart == reads.Chart.Name ? "" : "(subchart " + failure.Chart + ") ") + violation.ToString().Replace("\n", " ") + ". Fix the value to meet the schema.",
                            origin, violation.ToString());
                    }
                }
            }
        }

        return findings;
    }

    private static bool HasSchema(HelmChart chart) => chart.SchemaText != null || chart.Subcharts.Any(HasSchema);

    private static string Declaration(string className, string member)
    {
        var dot = className.LastIndexOf('.');
        return (dot < 0 ? className : className.Substring(dot + 1)) + "." + member;
    }

    // True when the violation is about a templated inline value or (for a missing or wrong-typed parent) could be.
    private static bool Under(SchemaViolation violation, ValuesPath templated) =>
        templated.Contains(violation.Path) || violation.Causes.Any(c => Under(c, templated));

    private static bool Has(YamlMapping values, ValuesPath path)
    {
        YamlNode? node = values;
        foreach (var key in path.Segments)
        {
            node = (node as YamlMapping)?[key];
            if (node is null) return false;
        }

        return path.Segments.Count > 0;
    }

    // The origin of the deepest node the user wrote along the path.
    private static SourceSpan? Locate(YamlMapping values, ValuesPath path)
    {
        YamlNode? node = values;
        SourceSpan? origin = null;
        foreach (var key in path.Segments)
        {
            if (node is YamlMapping m)
            {
                if (m.KeyOrigins != null && m.KeyOrigins.TryGetValue(key, out var k)) origin = k;
                node = m[key];
            }
            else if (node is YamlSequence s && int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < s.Count)
            {
                node = s[i];
            }
            else
            {
                break;
            }

            if (node == null) break;
            origin = node.Origin ?? origin;
        }

        return origin;
    }

    // The inline HelmSource.Values as Helm parses them; values holding a template parameter become a placeholder
    // string for the key check, and their paths are remembered (their type is known only once Argo CD renders them).
    private static YamlMapping InlineValues(ApplicationSetModel appSet, out YamlScalar? origin, out List<ValuesPath> templated)
    {
        templated = new List<ValuesPath>();
        origin = null;
        var helm = ((((appSet.Manifest["spec"] as YamlMapping)?["template"] as YamlMapping)?["spec"] as YamlMapping)?["source"] as YamlMapping)?["helm"] as YamlMapping;
        if (helm?["values"] is not YamlScalar { Kind: ScalarKind.String } text) return new YamlMapping();
        origin = text;
        if (appSet.InlineValues is { } tree)
        {
            MarkTemplated(tree, new List<string>(), templated);
            return tree;
        }

        try
        {
            if (YamlReader.Parse(text.Value, "values") is not YamlMapping parsed) return new YamlMapping();
            MarkTemplated(parsed, new List<string>(), templated);
            return parsed;
        }
        catch (YamlReaderException)
        {
            return new YamlMapping();
        }
    }

    private static void MarkTemplated(YamlNode node, List<string> path, List<ValuesPath> templated)
    {
        switch (node)
        {
            case YamlMapping m:
                foreach (var entry in m)
                {
                    path.Add(entry.Key);
                    MarkTemplated(entry.Value, path, templated);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case YamlSequence s:
                if (s.Any(item => item is YamlScalar { Kind: ScalarKind.String } t && t.Value.Contains("{{"))) templated.Add(new ValuesPath(path));
                break;
            case YamlScalar { Kind: ScalarKind.String } t when t.Value.Contains("{{"):
                templated.Add(new ValuesPath(path));
                break;
        }
    }

    // Argo CD's parameters ({{name}}) are not Helm templates: for the key check they are plain strings.
    private static YamlMapping Placeholders(YamlMapping mapping)
    {
        var copy = new YamlMapping { Origin = mapping.Origin, KeyOrigins = mapping.KeyOrigins };
        foreach (var entry in mapping) copy.Set(entry.Key, Placeholder(entry.Value));
        return copy;
    }

    private static YamlNode Placeholder(YamlNode node) => node switch
    {
        YamlMapping m => Placeholders(m),
        YamlSequence s => new YamlSequence(s.Select(Placeholder)),
        YamlScalar { Kind: ScalarKind.String } t when t.Value.Contains("{{") => WithOrigin(YamlScalar.String("value"), t.Origin),
        _ => node,
    };

    private static YamlNode WithOrigin(YamlNode node, SourceSpan? origin)
    {
        node.Origin = origin;
        return node;
    }

    // Where the entry's key was written (a dictionary entry's key), when known.
    private static SourceSpan? KeyOrigin(YamlMapping values, ValuesPath path)
    {
        YamlNode? node = values;
        SourceSpan? origin = null;
        foreach (var key in path.Segments)
        {
            if (node is not YamlMapping m) return origin;
            origin = m.KeyOrigins != null && m.KeyOrigins.TryGetValue(key, out var k) ? k : null;
            node = m[key];
        }

        return origin;
    }

    private static bool HasOtherValueFiles(ApplicationSetModel appSet)
    {
        var helm = ((((appSet.Manifest["spec"] as YamlMapping)?["template"] as YamlMapping)?["spec"] as YamlMapping)?["source"] as YamlMapping)?["helm"] as YamlMapping;
        if (helm?["valueFiles"] is not YamlSequence files) return false;
        var folder = ValuesFiles.ChartFolder(appSet.ChartPath ?? "");
        var written = new HashSet<string>(ValuesFiles.Paths(appSet).Select(p => p.Path), StringComparer.Ordinal);
        foreach (var file in files.OfType<YamlScalar>())
        {
            var name = file.Value;
            if (name == "values.yaml" || name.Contains("{{")) continue;
            if (!written.Contains(folder.Length == 0 ? name : folder + "/" + name)) return true;
        }

        return false;
    }

    // The values file HubDsl writes leaves nulls out (a null property means "not set").
    private static YamlMapping WithoutNulls(YamlMapping mapping)
    {
        var copy = new YamlMapping { Origin = mapping.Origin, KeyOrigins = mapping.KeyOrigins };
        foreach (var entry in mapping)
        {
            if (entry.Value is YamlScalar { Kind: ScalarKind.Null }) continue;
            copy.Set(entry.Key, entry.Value is YamlMapping m ? WithoutNulls(m) : entry.Value);
        }

        return copy;
    }

    // Inline values over the file values, as Argo CD passes them last to helm template.
    private static YamlMapping Merge(YamlMapping files, YamlMapping inline)
    {
        if (inline.Count == 0) return files;
        var result = new YamlMapping { Origin = files.Origin, KeyOrigins = files.KeyOrigins };
        foreach (var entry in files) result.Set(entry.Key, entry.Value);
        foreach (var entry in inline)
        {
            result.Set(entry.Key, entry.Value is YamlMapping im && result[entry.Key] is YamlMapping fm ? Merge(fm, im) : entry.Value);
        }

        return result;
    }
}
