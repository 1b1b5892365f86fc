using System;
using System.Collections.Generic;
using HubDsl.Core.Templating;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// Runs the generators of one generator list entry (generator_spec_processor.go Transform): each generator
/// key present runs, its generator-level template is merged over the base template, a matrix's second
/// child is first interpolated with the first child's params, and the post <c>selector</c> filters the sets.
/// </summary>
internal static class GeneratorTransform
{
    // The field order of Argo CD's ApplicationSetGenerator struct.
    private static readonly string[] GeneratorKeys = { "list", "clusters", "git", "scmProvider", "clusterDecisionResource", "pullRequest", "matrix", "merge", "plugin" };

    /// <param name="depth">0 for spec.generators, 1 inside a matrix/merge, 2 inside a nested one (no combining generators there).</param>
    public static List<TransformResult> Transform(RenderContext context, YamlMapping requested, YamlMapping baseTemplate, IReadOnlyDictionary<string, object?>? generatorParams, int depth, string path)
    {
        LabelSelector? postSelector = null;
        if (requested.ContainsKey("selector") && requested["selector"] is not YamlScalar { Kind: ScalarKind.Null })
        {
            postSelector = LabelSelector.TryParse(requested["selector"], validateValues: false, out var selectorError)
                ?? throw new GeneratorFailure("error parsing label selector: " + selectorError);
        }

        // The ApplicationSet's own template (spec.generators is transformed with it; nested generators are not).
        if (depth == 0) context.ApplicationSetTemplate = baseTemplate;
        var results = new List<TransformResult>();
        foreach (var key in GeneratorKeys)
        {
            if (requested[key] is not YamlMapping) continue;
            // A matrix or merge nested two levels deep is not part of Argo CD's terminal generator type.
            if (depth >= 2 && (key == "matrix" || key == "merge")) continue;

            var mergedTemplate = TemplateMerge.Merge(((YamlMapping)requested[key]!)["template"] as YamlMapping, baseTemplate);
            var interpolated = requested;
            if (generatorParams is not null && generatorParams.Count > 0)
            {
                interpolated = Interpolate(context, requested, generatorParams, path);
            }

            var spec = (YamlMapping)interpolated[key]!;
            var generated = Generate(context, key, spec, depth, FieldPath.Child(path, key));
            RenderLimitFailure.CheckParameterSets(context, generated.Count, FieldPath.Child(path, key));
            var filtered = new List<Dictionary<string, object?>>();
            foreach (var set in generated)
            {
                if (postSelector is not null && !postSelector.Matches(ParamValues.Flatten(set))) continue;
                filtered.Add(set);
            }

            results.Add(new TransformResult(filtered, mergedTemplate));
        }

        return results;
    }

    private static List<Dictionary<string, object?>> Generate(RenderContext context, string key, YamlMapping spec, int depth, string path)
    {
        switch (key)
        {
            case "list": return ListGenerator.Generate(context, spec);
            case "clusters": return ClusterGenerator.Generate(context, spec, path);
            case "matrix": return MatrixGenerator.Generate(context, spec, depth, path);
            case "merge": return MergeGenerator.Generate(context, spec, depth, path);
            case "git": return GitGenerator.Generate(context, spec, path);
            default: return LiveServiceGenerator.Generate(context, key, spec, path);
        }
    }

    /// <summary>
    /// Renders every string of a matrix child with the first child's params (utils.go RenderGeneratorParams).
    /// A generator's <c>values</c> map is pre-resolved with missingkey=error, keeping entries that reference
    /// keys only the child itself provides (v3.5.0, #27830).
    /// </summary>
    private static YamlMapping Interpolate(RenderContext context, YamlMapping requested, IReadOnlyDictionary<string, object?> parameters, string generatorPath)
    {
        var engine = context.Engine;
        var paramSet = RenderContext.Describe(parameters, 0);
        try
        {
            var detachedValues = new Dictionary<string, YamlMapping>(StringComparer.Ordinal);
            var stripped = new YamlMapping { Origin = requested.Origin, KeyOrigins = requested.KeyOrigins };
            foreach (var entry in requested)
            {
                if (entry.Value is YamlMapping generator && entry.Key != "list" && generator["values"] is YamlMapping values)
                {
                    detachedValues[entry.Key] = values;
                    var without = new YamlMapping { Origin = generator.Origin, KeyOrigins = generator.KeyOrigins };
                    foreach (var g in generator)
                    {
                        if (g.Key != "values") without.Set(g.Key, g.Value);
                    }

                    stripped.Set(entry.Key, without);
                }
                else
                {
                    stripped.Set(entry.Key, entry.Value);
                }
            }

            var rendered = (YamlMapping)TemplateWalker.Render(stripped, string.Empty, (text, field, node) =>
            {
                context.Rendering = (generatorPath + "." + field, node, paramSet);
                return engine.Render(text, parameters, null, context.Budget);
            }, context.Budget);
            var strict = engine.WithMissingKeyError();
            foreach (var detached in detachedValues)
            {
                var resolved = new YamlMapping { Origin = detached.Value.Origin, KeyOrigins = detached.Value.KeyOrigins };
                foreach (var value in detached.Value)
                {
                    if (value.Value is not YamlScalar { Kind: ScalarKind.String } text)
                    {
                        resolved.Set(value.Key, value.Value);
                        continue;
                    }

                    try
                    {
                        context.Rendering = (FieldPath.Child(FieldPath.Child(FieldPath.Child(generatorPath, detached.Key), "values"), value.Key), text, paramSet);
                        var output = YamlScalar.String(strict.Render(text.Value, parameters, null, context.Budget));
                        output.Origin = text.Origin;
                        resolved.Set(value.Key, output);
                    }
                    catch (TemplateRenderFailure e) when (e.IsMissingKey)
                    {
                        resolved.Set(value.Key, text);
                    }
                    catch (TemplateRenderFailure e)
                    {
                        throw new TemplateRenderFailure("failed to pre-resolve Values key " + GoQuote.Quote(value.Key) + ": " + e.Message);
                    }
                }

                var generator = (YamlMapping)rendered[detached.Key]!;
                var rebuilt = new YamlMapping { Origin = generator.Origin, KeyOrigins = generator.KeyOrigins };
                foreach (var g in generator) rebuilt.Set(g.Key, g.Value);
                rebuilt.Set("values", resolved);
                rendered.Set(detached.Key, rebuilt);
            }

            return rendered;
        }
        catch (TemplateRenderFailure e)
        {
            throw new GeneratorFailure("failed to replace parameters in generator: " + e.Message);
        }
    }
}
