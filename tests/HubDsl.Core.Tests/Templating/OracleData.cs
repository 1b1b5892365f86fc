using System.Globalization;
using System.Text.Json;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Tests.Templating;

/// <summary>Turns the oracle's JSON rows into the engine's data model, the way the Go oracle built its Go values.</summary>
internal static class OracleData
{
    public sealed record Row(string Template, string DataJson, MissingKeyOption Mode, string ModeText, string Output, string? ParseError, string? ExecError, bool MayRefuse)
    {
        /// <summary>A new copy of the row's data: templates may mutate dicts (set, merge), as Go would.</summary>
        public object? Data
        {
            get
            {
                using var doc = JsonDocument.Parse(DataJson);
                return Convert(doc.RootElement);
            }
        }
    }

    private static readonly Lazy<List<Row>> AllRows = new(Load);

    public static IReadOnlyList<Row> Rows => AllRows.Value;

    /// <summary>The embedded data file Oracle/gen_jsonl.py writes from the oracle's input and output.</summary>
    internal const string ResourceName = "GoOracleCases.jsonl";

    // GoOracleCases.jsonl: a header line, then {"d": i, "data": ...} per data set in index order, then one line per case.
    private static List<Row> Load()
    {
        using var stream = typeof(OracleData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(ResourceName + " is not embedded in the test assembly (see HubDsl.Core.Tests.csproj)");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var data = new List<string>();
        var rows = new List<Row>();
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNumber++;
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            if (lineNumber == 1)
            {
                if (!e.TryGetProperty("go", out _)) throw new InvalidDataException(ResourceName + ":1: expected the header line naming the oracle's Go version");
                continue;
            }
            if (e.TryGetProperty("t", out var template))
            {
                string m = e.GetProperty("m").GetString()!;
                rows.Add(new Row(
                    template.GetString()!,
                    data[e.GetProperty("d").GetInt32()],
                    ParseMode(m),
                    m,
                    e.GetProperty("out").GetString()!,
                    e.TryGetProperty("perr", out var p) ? p.GetString() : null,
                    e.TryGetProperty("eerr", out var x) ? x.GetString() : null,
                    e.TryGetProperty("r", out _)));
            }
            else
            {
                if (e.GetProperty("d").GetInt32() != data.Count) throw new InvalidDataException($"{ResourceName}:{lineNumber}: data sets must come in index order");
                data.Add(e.GetProperty("data").GetRawText());
            }
        }
        return rows;
    }

    public static MissingKeyOption ParseMode(string m) => m switch
    {
        "" => MissingKeyOption.Default,
        "missingkey=default" => MissingKeyOption.Default,
        "missingkey=invalid" => MissingKeyOption.Invalid,
        "missingkey=zero" => MissingKeyOption.Zero,
        "missingkey=error" => MissingKeyOption.Error,
        _ => throw new ArgumentException(m),
    };

    /// <summary>JSON to data model: integers are Go int, other numbers float64, "$ss" objects map[string]string.</summary>
    public static object? Convert(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null: return null;
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.String: return e.GetString();
            case JsonValueKind.Number:
                string raw = e.GetRawText();
                if (raw.IndexOfAny(new[] { '.', 'e', 'E' }) < 0 && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
                    return l >= int.MinValue && l <= int.MaxValue ? (object)(int)l : l;
                return e.GetDouble();
            case JsonValueKind.Array:
                return e.EnumerateArray().Select(Convert).ToList();
            case JsonValueKind.Object:
                if (e.TryGetProperty("$ss", out _))
                    return e.EnumerateObject().Where(p => p.Name != "$ss").ToDictionary(p => p.Name, p => p.Value.GetString()!);
                return e.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value));
        }
        throw new ArgumentException(e.ValueKind.ToString());
    }

    /// <summary>A tiny YAML-via-JSON parser for fromYaml tests: accepts JSON (a YAML subset) only.</summary>
    public static object? ParseJsonAsYaml(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return Convert(doc.RootElement);
    }
}
