using HubDsl.Core.Charts;
using HubDsl.Core.Charts.Schema;
using HubDsl.Core.Templating;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Tests.Internal;

/// <summary>
/// JSON string literals as Go's encoding/json reads them (decode.go unquote and getu4: a surrogate pair is one
/// character, a lone or mismatched surrogate is U+FFFD; scanner.go stateInStringEscU: exactly four hex digits), through
/// both readers that share Core's one string reader: a chart's values.schema.json (as Helm reads it) and the
/// templates' fromJson (Sprig's json.Unmarshal).
/// </summary>
public sealed class JsonStringTests
{
    public static TheoryData<string, string> Literals => new()
    {
        { @"""a\""b\\c\/d""", "a\"b\\c/d" },
        { @"""\b\f\n\r\t""", "\b\f\n\r\t" },
        { @"""caf\u00e9 \u00E9""", "café é" },
        { @"""\ud83d\ude00""", "\U0001F600" }, // a surrogate pair is one character
        { @"""\uD83D\uDE00!""", "\U0001F600!" },
        { @"""\ud83d""", "\uFFFD" }, // a lone high surrogate
        { @"""\ud83dx""", "\uFFFDx" },
        { @"""\ude00""", "\uFFFD" }, // a lone low surrogate
        { @"""\ude00\ud83d""", "\uFFFD\uFFFD" }, // the wrong order
        { @"""\ud83d\u0041""", "\uFFFDA" }, // the next escape is read on its own
        { @"""\ud83d\ud83d\ude00""", "\uFFFD\U0001F600" },
        { "\"\U0001F600 raw\"", "\U0001F600 raw" },
    };

    public static TheoryData<string, int, string> Invalid => new()
    {
        { @"""\x""", 2, "invalid escape '\\x'" },
        { @"""ab\u12""", 4, "invalid \\u escape" },
        { @"""\u 12a""", 2, "invalid \\u escape" }, // exactly four hex digits: no spaces
        { @"""\u+12a""", 2, "invalid \\u escape" },
        { @"""\u12g4""", 2, "invalid \\u escape" },
        { @"""\ud83d\u12""", 8, "invalid \\u escape" }, // a broken escape after a surrogate is still an error
        { "\"a\nb\"", 3, "control character in a string" },
        { @"""abc", 5, "unexpected end of text in a string" },
        { @"""abc\", 6, "unexpected end of text in a string" },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void The_schema_reader_reads_escapes_as_Gos_encoding_json_does(string literal, string expected)
    {
        var chart = Chart("{\"properties\": {\"s\": {\"const\": " + literal + "}}}");
        Assert.Null(ChartSchemaValidator.SchemaProblem(chart));
        Assert.Empty(ChartSchemaValidator.Validate(chart, new YamlMapping().Set("s", expected)).Failures);
        Assert.NotEmpty(ChartSchemaValidator.Validate(chart, new YamlMapping().Set("s", expected + "?")).Failures);
    }

    [Theory]
    [MemberData(nameof(Literals))]
    public void FromJson_reads_escapes_as_Gos_encoding_json_does(string literal, string expected)
    {
        var data = new Dictionary<string, object?> { ["json"] = "{\"s\": " + literal + "}" };
        Assert.Equal(expected, GoTemplate.Parse("{{ (mustFromJson .json).s }}").Execute(data));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_literals_are_errors_at_the_offending_character(string literal, int column, string message)
    {
        // The literal is the document's value, on its second line: the column counts from its opening quote.
        var problem = ChartSchemaValidator.SchemaProblem(Chart("\n" + literal));
        Assert.NotNull(problem);
        Assert.Contains("values.schema.json:2:" + column + ": " + message, problem, StringComparison.Ordinal);

        var data = new Dictionary<string, object?> { ["json"] = literal };
        Assert.ThrowsAny<TemplateException>(() => GoTemplate.Parse("{{ mustFromJson .json }}").Execute(data));
    }

    private static HelmChart Chart(string schema) =>
        ChartReader.Read(new[] { new ChartFile("Chart.yaml", "apiVersion: v2\nname: t\nversion: 0.1.0\n"), new ChartFile("values.schema.json", schema) });
}
