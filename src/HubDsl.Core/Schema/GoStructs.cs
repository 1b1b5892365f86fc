using System.Collections.Generic;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Schema;

/// <summary>
/// A YAML tree as Argo CD holds it after json.Unmarshal into its Go types: fields the struct does not declare are gone
/// (so a template written in an unknown field is never rendered), and each object's fields come in the struct's
/// declaration order (so rendering meets them, and fails on them, in the order Argo CD's reflection walk does). Maps,
/// lists and preserved-unknown areas (helm.valuesObject) keep their own order. Origins are kept.
/// </summary>
public static class GoStructs
{
    /// <summary>A copy of <paramref name="node"/> shaped by <paramref name="schema"/>; nodes of another type are kept as they are.</summary>
    public static YamlNode Shape(YamlNode node, SchemaNode schema)
    {
        if (node is YamlMapping mapping && schema.Kind == SchemaKind.Object)
        {
            if (schema.Values is { } values)
            {
                var map = new YamlMapping { Origin = mapping.Origin, KeyOrigins = mapping.KeyOrigins };
                foreach (var entry in mapping) map.Set(entry.Key, Shape(entry.Value, values));
                return map;
            }

            if (schema.PreserveUnknownFields || schema.Fields.Count == 0) return mapping;
            var result = new YamlMapping { Origin = mapping.Origin, KeyOrigins = mapping.KeyOrigins };
            foreach (var field in schema.Fields)
            {
                if (mapping[field.Key] is { } value) result.Set(field.Key, Shape(value, field.Value));
            }

            return result;
        }

        if (node is YamlSequence sequence && schema.Kind == SchemaKind.Array && schema.Items is { } items)
        {
            var list = new YamlSequence { Origin = sequence.Origin };
            foreach (var item in sequence) list.Add(Shape(item, items));
            return list;
        }

        return node;
    }

    /// <summary>An Application template's <c>spec</c> as Argo CD's ApplicationSpec holds it.</summary>
    public static YamlNode ApplicationSpec(YamlNode spec) => Shape(spec, ApplicationSetSchema.ApplicationSpec);
}
