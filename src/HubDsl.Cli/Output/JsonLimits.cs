using System.Text.Json;
using System.Text.Json.Nodes;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Output;

/// <summary>
/// How deep the tool's JSON may nest, read or written. System.Text.Json stops at 64 levels by default, far below
/// what the YAML reader accepts, so every JSON option the tool uses is sized from
/// <see cref="YamlReaderLimits.MaxNesting"/>: anything read from a YAML file can be written as JSON inside an
/// output envelope such as <c>{"applications": [...]}</c>, and read back from the API server with the
/// managedFields it adds.
/// </summary>
internal static class JsonLimits
{
    /// <summary>The levels of the output envelope around a document (an object holding an array).</summary>
    public const int EnvelopeDepth = 2;

    /// <summary>
    /// The levels the API server's managedFields add to an object: metadata.managedFields[].fieldsV1 mirrors the
    /// object's fields four levels down, with one more level (<c>{}</c>) for each leaf value.
    /// </summary>
    public const int ManagedFieldsDepth = 5;

    /// <summary>The deepest JSON the tool reads or writes.</summary>
    public const int MaxDepth = YamlReaderLimits.MaxNesting + ManagedFieldsDepth + EnvelopeDepth;

    // Output is read by people and scripts, never embedded in HTML: a quote is \" (not \u0022) and <, >, &, ' and
    // non-ASCII text stay as they are.

    /// <summary>Indented output (<c>-o json</c>).</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, MaxDepth = MaxDepth, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One-line output (<c>--watch -o json</c>, request bodies).</summary>
    public static readonly JsonSerializerOptions Compact = new() { MaxDepth = MaxDepth, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parsing API answers.</summary>
    public static readonly JsonDocumentOptions Document = new() { MaxDepth = MaxDepth };

    /// <summary>Nesting depth: 0 for a value, 1 for an object or array of values, and so on.</summary>
    public static int Depth(JsonNode? node)
    {
        // Iterative: a tree near the limit must not cost a deep recursion to measure.
        var deepest = 0;
        var pending = new Stack<(JsonNode Node, int Depth)>();
        if (node is JsonObject or JsonArray) pending.Push((node, 0));
        while (pending.Count > 0)
        {
            var (current, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth + 1);
            var children = current is JsonObject obj ? obj.Select(p => p.Value) : (IEnumerable<JsonNode?>)(JsonArray)current;
            foreach (var child in children)
            {
                if (child is JsonObject or JsonArray) pending.Push((child, depth + 1));
            }
        }

        return deepest;
    }

    /// <summary>Nesting depth of a parsed element, measured the same way.</summary>
    public static int Depth(JsonElement element)
    {
        var deepest = 0;
        var pending = new Stack<(JsonElement Element, int Depth)>();
        pending.Push((element, 0));
        while (pending.Count > 0)
        {
            var (current, depth) = pending.Pop();
            if (current.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) continue;
            deepest = Math.Max(deepest, depth + 1);
            if (current.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in current.EnumerateObject()) pending.Push((property.Value, depth + 1));
            }
            else
            {
                foreach (var item in current.EnumerateArray()) pending.Push((item, depth + 1));
            }
        }

        return deepest;
    }

    /// <summary>
    /// The node as JSON text; a <see cref="UserInputException"/> naming <paramref name="what"/> when it nests
    /// deeper than <paramref name="allowed"/> levels (instead of System.Text.Json's exception mid-write).
    /// </summary>
    public static string Write(JsonNode node, bool indented, string what, int allowed = MaxDepth)
    {
        var depth = Depth(node);
        if (depth > allowed)
        {
            throw new UserInputException(what + " nests " + depth + " levels deep; hubdsl writes JSON up to " + allowed + " levels (YAML input is limited to " + YamlReaderLimits.MaxNesting + ")");
        }

        return node.ToJsonString(indented ? Indented : Compact);
    }
}
