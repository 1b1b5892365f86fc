using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Charts.Schema;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts;

/// <summary>
/// Without a schema, the chart's defaults are the only statement of shape: a scalar where values.yaml has a map or a
/// list, a map where it has a list, or a list where it has a map, is almost always a mistake. Not reported where the
/// chart's own schema decides (it checks the exact types), where the default is null, or where the templates test the
/// value's type (<c>kindIs</c>/<c>typeIs</c>: the chart takes several shapes there, as bitnami's tplvalues helpers do).
/// </summary>
public static class ValuesShapeCheck
{
    /// <summary>The shape mismatches of the user's values against the chart's defaults.</summary>
    public static EquatableArray<ShapeMismatch> Check(ChartReads reads, YamlMapping values)
    {
        if (reads is null) throw new ArgumentNullException(nameof(reads));
        if (values is null) throw new ArgumentNullException(nameof(values));
        var found = new List<ShapeMismatch>();
        if (reads.Chart.ValuesUnreadable) return EquatableArray<ShapeMismatch>.Empty;
        Walk(reads, values, reads.Set.Defaults, new List<string>(), found);
        return found.ToEquatableArray();
    }

    private static void Walk(ChartReads reads, YamlMapping user, YamlMapping defaults, List<string> path, List<ShapeMismatch> found)
    {
        foreach (var entry in user)
        {
            var d = defaults[entry.Key];
            if (d is null or YamlScalar { Kind: ScalarKind.Null }) continue;
            path.Add(entry.Key);
            var expected = Shape(d);
            var actual = Shape(entry.Value);
            if (entry.Value is YamlMapping u && d is YamlMapping dm)
            {
                Walk(reads, u, dm, path, found);
            }
            else if (actual != expected && (expected != "scalar" || actual != "scalar") && entry.Value is not YamlScalar { Kind: ScalarKind.Null }
                && (expected is "map" or "list" || actual is "map" or "list") && !Exempt(reads, path))
            {
                found.Add(new ShapeMismatch(new ValuesPath(path), entry.Value.Origin, expected == "scalar" ? Describe(d) : expected, actual == "scalar" ? Describe(entry.Value) : actual));
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    private static string Shape(YamlNode node) => node switch
    {
        YamlMapping => "map",
        YamlSequence => "list",
        _ => "scalar",
    };

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalar { Kind: ScalarKind.String } => "string",
        YamlScalar { Kind: ScalarKind.Bool } => "boolean",
        YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } => "number",
        _ => "value",
    };

    private static bool Matches(string[] pattern, List<string> path) =>
        pattern.Length == path.Count && pattern.Select((p, i) => p == Reads.PathValue.Wildcard || p == path[i]).All(x => x);

    private static bool Exempt(ChartReads reads, List<string> path)
    {
        if (reads.TypeTested.Any(t => Matches(t.Split('\u001f'), path))) return true;
        // The chart whose values hold the path: its schema, when HubDsl can use it, checks the types instead.
        var owner = reads.Set.Scopes.Where(s => s.Prefix.Length <= path.Count && s.Prefix.Select((p, i) => p == path[i]).All(x => x))
            .OrderByDescending(s => s.Prefix.Length).FirstOrDefault();
        if (path.Count > 0 && path[0] == "global") owner = reads.Set.Scopes[0];
        return owner?.Chart.SchemaText != null && ChartSchemaValidator.SchemaProblem(owner.Chart) == null;
    }
}
