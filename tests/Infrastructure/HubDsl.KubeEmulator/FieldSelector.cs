using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>
/// Field selector with the fields the real API indexes for these kinds: metadata.name, metadata.namespace,
/// and type for Secrets; operators =, == and !=.
/// </summary>
public sealed class FieldSelector
{
    private static readonly HashSet<string> SupportedFields = ["metadata.name", "metadata.namespace", "type"];

    private readonly List<(string Field, bool Equal, string Value)> terms;

    private FieldSelector(List<(string Field, bool Equal, string Value)> terms) => this.terms = terms;

    public static FieldSelector Parse(string? text, ResourceKind kind)
    {
        var parsed = new List<(string, bool, string)>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new FieldSelector(parsed);
        }

        foreach (var term in text.Split(',').Select(t => t.Trim()))
        {
            var notEqual = term.IndexOf("!=", StringComparison.Ordinal);
            var (field, equal, value) = notEqual > 0
                ? (term[..notEqual], false, term[(notEqual + 2)..])
                : term.Split(["==", "="], 2, StringSplitOptions.None) is [var f, var v]
                    ? (f, true, v)
                    : throw ApiStatus.BadRequest($"invalid selector: '{text}'; can't understand '{term}'");
            field = field.Trim();
            if (!SupportedFields.Contains(field) || (field == "type" && kind != ResourceCatalog.Secrets))
            {
                throw ApiStatus.BadRequest($"field label not supported: {field}");
            }

            parsed.Add((field, equal, value.Trim()));
        }

        return new FieldSelector(parsed);
    }

    public bool Matches(JsonObject obj) => terms.All(t =>
    {
        var actual = t.Field switch
        {
            "metadata.name" => obj["metadata"]?["name"]?.GetValue<string>() ?? "",
            "metadata.namespace" => obj["metadata"]?["namespace"]?.GetValue<string>() ?? "",
            _ => obj["type"]?.GetValue<string>() ?? "",
        };
        return (actual == t.Value) == t.Equal;
    });
}
