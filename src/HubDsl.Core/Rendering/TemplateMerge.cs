using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// A generator-level <c>template</c> merged over <c>spec.template</c> (generator_spec_processor.go
/// mergeGeneratorTemplate, mergo.Merge without override): non-empty generator fields win, empty or absent
/// ones come from the spec template, nested objects merge field by field. <c>valuesObject</c> is raw JSON
/// in Argo CD and is taken whole.
/// </summary>
internal static class TemplateMerge
{
    public static YamlMapping Merge(YamlMapping? generatorTemplate, YamlMapping specTemplate)
    {
        if (generatorTemplate is null || generatorTemplate.Count == 0) return specTemplate;
        return MergeMappings(generatorTemplate, specTemplate);
    }

    private static YamlMapping MergeMappings(YamlMapping winner, YamlMapping filler)
    {
        var result = new YamlMapping { Origin = winner.Origin };
        foreach (var entry in filler)
        {
            var own = winner[entry.Key];
            if (own is null || IsEmpty(own)) result.Set(entry.Key, entry.Value);
            else if (own is YamlMapping ownMap && entry.Value is YamlMapping fillMap && entry.Key != "valuesObject") result.Set(entry.Key, MergeMappings(ownMap, fillMap));
            else result.Set(entry.Key, own);
        }

        foreach (var entry in winner)
        {
            if (!result.ContainsKey(entry.Key)) result.Set(entry.Key, entry.Value);
        }

        return result;
    }

    // Go zero values: "", false, 0, null, empty collections.
    private static bool IsEmpty(YamlNode node) => node switch
    {
        YamlScalar { Kind: ScalarKind.Null } => true,
        YamlScalar { Kind: ScalarKind.String } s => s.Value.Length == 0,
        YamlScalar { Kind: ScalarKind.Bool } b => b.Value == "false",
        YamlScalar { Kind: ScalarKind.Int } i => i.Value == "0",
        YamlMapping m => m.Count == 0,
        YamlSequence s => s.Count == 0,
        _ => false,
    };
}
