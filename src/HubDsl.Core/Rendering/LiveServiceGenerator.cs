using System;
using System.Collections.Generic;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// The generators that read live services: scmProvider and pullRequest (an SCM's API), clusterDecisionResource
/// (a custom resource's status on the hub), plugin (an HTTP service). HubDsl cannot run them offline: without
/// supplied parameter sets (<see cref="RenderOptions.GeneratorParameters"/>) they fail with
/// <see cref="RenderErrorReasons.OfflineUnsupported"/>. Supplied sets are taken as the generator would have
/// produced them, then finished as Argo CD finishes them: flattened in fasttemplate mode, the plugin's
/// <c>generator.input.parameters</c> added (plugin.go), and <c>values</c> rendered (scm_provider.go,
/// pull_request.go, plugin.go) or, for clusterDecisionResource, copied as written (duck_type.go collectParams).
/// </summary>
internal static class LiveServiceGenerator
{
    public static List<Dictionary<string, object?>> Generate(RenderContext context, string kind, YamlMapping spec, string path)
    {
        var supplied = context.Options.GeneratorParameters;
        YamlSequence? sets = null;
        if (supplied is null || !(supplied.TryGetValue(path, out sets) || supplied.TryGetValue(kind, out sets)))
        {
            throw new GeneratorFailure(path + ": the " + kind + " generator reads " + Source(kind) + ", which HubDsl cannot do offline; supply its parameter sets (hubdsl preview --generator-params " +
                path + "=FILE, or " + kind + "=FILE)", RenderErrorReasons.OfflineUnsupported);
        }

        var values = TemplatedValues.Read(spec["values"] as YamlMapping);
        var result = new List<Dictionary<string, object?>>();
        for (var i = 0; i < sets!.Count; i++)
        {
            if (sets[i] is not YamlMapping mapping)
            {
                throw new GeneratorFailure(path + ": supplied parameter set " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not a mapping", RenderErrorReasons.OfflineUnsupported);
            }

            var found = (Dictionary<string, object?>)ParamValues.FromJsonLike(mapping)!;
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (context.GoTemplate)
            {
                foreach (var entry in found) parameters[entry.Key] = entry.Value;
            }
            else
            {
                foreach (var entry in ParamValues.Flatten(found)) parameters[entry.Key] = entry.Value;
            }

            if (kind == "plugin")
            {
                var input = (spec["input"] as YamlMapping)?["parameters"];
                parameters["generator"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["input"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["parameters"] = input is null ? null : ParamValues.FromJsonLike(input) },
                };
            }

            var description = kind + " parameter set " + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (kind == "clusterDecisionResource") CopyValues(context, values, parameters);
            else TemplatedValues.Append(context, values, parameters, description, path, string.Empty);
            result.Add(parameters);
        }

        return result;
    }

    private static void CopyValues(RenderContext context, List<KeyValuePair<string, YamlScalar>> values, Dictionary<string, object?> parameters)
    {
        if (values.Count == 0) return;
        if (context.GoTemplate)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var value in values) map[value.Key] = value.Value.Value;
            parameters["values"] = map;
        }
        else
        {
            foreach (var value in values) parameters["values." + value.Key] = value.Value.Value;
        }
    }

    private static string Source(string kind) => kind switch
    {
        "scmProvider" => "an SCM provider's API (the repositories of an organization)",
        "pullRequest" => "an SCM provider's API (open pull requests)",
        "clusterDecisionResource" => "a custom resource's status on the hub",
        _ => "a plugin's HTTP service",
    };
}
