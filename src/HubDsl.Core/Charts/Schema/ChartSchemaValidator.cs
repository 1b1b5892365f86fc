using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts.Schema;

/// <summary>
/// What <c>helm template</c>/<c>install</c> checks before rendering (pkg/chart/common/util/jsonschema.go
/// ValidateAgainstSchema): the coalesced values against the chart's values.schema.json, then each enabled dependency's
/// values (under its name or alias, with <c>global</c> copied in) against the dependency's schema; a dependency whose
/// values are absent or null is skipped, one whose values are not a map fails.
/// </summary>
public static class ChartSchemaValidator
{
    /// <summary>Validates the user's values (merged as Helm merges its <c>-f</c> files) against every schema of the chart.</summary>
    public static SchemaReport Validate(HelmChart chart, YamlMapping userValues)
    {
        if (chart is null) throw new ArgumentNullException(nameof(chart));
        if (userValues is null) throw new ArgumentNullException(nameof(userValues));
        if (!HasSchema(chart)) return new SchemaReport(EquatableArray<ChartSchemaFailure>.Empty, EquatableArray<ChartProblem>.Empty);
        var coalesced = HelmValues.Coalesce(chart, userValues, out var enabled);
        var failures = new List<ChartSchemaFailure>();
        var problems = new List<ChartProblem>();
        foreach (var (sub, path) in enabled)
        {
            YamlNode? values = coalesced;
            foreach (var key in path) values = (values as YamlMapping)?[key];
            if (path.Length > 0)
            {
                if (values == null || values is YamlScalar { Kind: ScalarKind.Null }) continue;
                if (values is not YamlMapping)
                {
                    failures.Add(new ChartSchemaFailure(sub.Name, new[] { new SchemaViolation(new ValuesPath(path), "invalid type for values: expected object (map), got " + GoTypeName(values)) }.ToEquatableArray()));
                    continue;
                }
            }

            if (sub.SchemaText == null) continue;
            var schema = Compiled(sub, out var problem);
            if (schema == null)
            {
                problems.Add(new ChartProblem(Combine(sub.Directory, "values.schema.json"), problem!));
                continue;
            }

            var violations = schema.Validate(values!);
            if (violations.Count > 0) failures.Add(new ChartSchemaFailure(sub.Name, violations.ToEquatableArray()));
        }

        return new SchemaReport(failures.ToEquatableArray(), problems.ToEquatableArray());
    }

    private static bool HasSchema(HelmChart chart) => chart.SchemaText != null || chart.Subcharts.Any(HasSchema);

    /// <summary>The problem that keeps HubDsl from using a chart's schema, or null when it can (or there is none).</summary>
    public static string? SchemaProblem(HelmChart chart)
    {
        if (chart?.SchemaText == null) return null;
        Compiled(chart, out var problem);
        return problem;
    }

    private static ValuesSchema? Compiled(HelmChart chart, out string? problem) => ValuesSchema.Compile(chart.SchemaText!, Combine(chart.Directory, "values.schema.json"), out problem);

    private static string Combine(string directory, string file) => directory.Length == 0 ? file : directory + "/" + file;

    // Go's %T of what sigs.k8s.io/yaml decodes values into.
    private static string GoTypeName(YamlNode node) => node switch
    {
        YamlSequence => "[]interface {}",
        YamlScalar { Kind: ScalarKind.Bool } => "bool",
        YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } => "float64",
        _ => "string",
    };
}
