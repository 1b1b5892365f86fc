using System;
using System.Collections.Generic;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// The List generator (applicationset/generators/list.go): <c>elements</c> then <c>elementsYaml</c>. In
/// goTemplate mode elements pass through as JSON values (numbers become float64); in fasttemplate mode every
/// value must be a string, plus an optional <c>values</c> map of strings flattened to <c>values.k</c>.
/// Elements from <c>elementsYaml</c> are appended as they are, in both modes.
/// </summary>
internal static class ListGenerator
{
    public static List<Dictionary<string, object?>> Generate(RenderContext context, YamlMapping spec)
    {
        var result = new List<Dictionary<string, object?>>();
        if (spec["elements"] is YamlSequence elements)
        {
            foreach (var element in elements)
            {
                if (element is YamlScalar { Kind: ScalarKind.Null })
                {
                    result.Add(new Dictionary<string, object?>(StringComparer.Ordinal));
                    continue;
                }

                if (element is not YamlMapping mapping)
                {
                    throw new GeneratorFailure("error unmarshling list element json: cannot unmarshal " + JsonType(element) + " into Go value of type map[string]interface {}");
                }

                if (context.GoTemplate)
                {
                    result.Add((Dictionary<string, object?>)ParamValues.FromJsonLike(mapping)!);
                    continue;
                }

                var flat = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var entry in mapping)
                {
                    if (entry.Key == "values")
                    {
                        if (entry.Value is not YamlMapping values) throw new GeneratorFailure("error parsing values map");
                        foreach (var value in values)
                        {
                            flat["values." + value.Key] = value.Value.AsString() ?? throw NotAString();
                        }
                    }
                    else
                    {
                        flat[entry.Key] = entry.Value.AsString() ?? throw NotAString();
                    }
                }

                result.Add(flat);
            }
        }

        if (spec["elementsYaml"]?.AsString() is { Length: > 0 } elementsYaml)
        {
            YamlNode parsed;
            try
            {
                parsed = YamlReader.Parse(elementsYaml);
            }
            catch (YamlReaderException e)
            {
                throw new GeneratorFailure("error unmarshling decoded ElementsYaml " + e.Message);
            }

            if (parsed is YamlSequence items)
            {
                foreach (var item in items)
                {
                    if (item is YamlScalar { Kind: ScalarKind.Null })
                    {
                        result.Add(new Dictionary<string, object?>(StringComparer.Ordinal));
                        continue;
                    }

                    if (item is not YamlMapping itemMap)
                    {
                        throw new GeneratorFailure("error unmarshling decoded ElementsYaml json: cannot unmarshal " + JsonType(item) + " into Go value of type map[string]interface {}");
                    }

                    result.Add((Dictionary<string, object?>)ParamValues.FromJsonLike(itemMap)!);
                }
            }
            else if (parsed is not YamlScalar { Kind: ScalarKind.Null })
            {
                throw new GeneratorFailure("error unmarshling decoded ElementsYaml error unmarshaling JSON: json: cannot unmarshal " + JsonType(parsed) + " into Go value of type []map[string]interface {}");
            }
        }

        return result;
    }

    // Argo wraps a nil error here, so Go prints the verb placeholder; the message is reproduced as the controller shows it.
    private static GeneratorFailure NotAString() => new GeneratorFailure("error parsing value as string %!w(<nil>)");

    private static string JsonType(YamlNode node) => node switch
    {
        YamlSequence => "array",
        YamlMapping => "object",
        YamlScalar { Kind: ScalarKind.String } => "string",
        YamlScalar { Kind: ScalarKind.Bool } => "bool",
        YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } => "number",
        _ => "null",
    };
}
