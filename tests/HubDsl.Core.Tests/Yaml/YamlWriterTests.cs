using CsCheck;
using HubDsl.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace HubDsl.Core.Tests.Yaml;

/// <summary>
/// The writer against an outside reader: YamlDotNet must read back exactly the strings we wrote, for
/// strings YAML 1.1 or 1.2 would otherwise read as bools, nulls, numbers or timestamps.
/// </summary>
public sealed class YamlWriterTests
{
    public static TheoryData<string> TrickyStrings => new()
    {
        "true", "True", "TRUE", "false", "yes", "Yes", "no", "NO", "on", "On", "off", "OFF", "y", "n", "Y", "N",
        "null", "Null", "NULL", "~", "", " ", "1.0", "0777", "0o17", "0x1F", "1e3", "1E3", ".5", "-1", "+1", "1_000",
        ".inf", "-.inf", ".NaN", "2026-01-01", "2026-01-01T10:00:00Z", "1:20", "12:30:45", "=", "<<", "-", "?", ":",
        "a: b", "a #b", "#comment", "'quoted'", "\"double\"", " leading", "trailing ", "two\nlines", "two\nlines\n",
        "tab\tinside", "back\\slash", "ünïcödé", "日本語", "emoji 🚀", "@at", "`tick", "!tag", "&anchor", "*alias",
        "%percent", "|pipe", ">folded", "[list]", "{map}", "a, b", "{{name}}", "agent-{{name}}", "https://x.example.com:6443/",
        "64Mi", "100m", "5s", "3m", "key:", "a::b", "a\n", "true\n", "plain\n\n", "a\n", "true\n", "plain\n\n", "\u0085", "\u2028", "\uFEFFbom", "nul\0char", "\r\n", "end\n\n\n",
    };

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void Strings_read_back_as_the_same_string(string value)
    {
        var document = new YamlMapping().Set("value", value).Set(value, "as key");
        var read = ReadWithYamlDotNet(YamlWriter.Write(document));

        var scalar = (YamlScalarNode)read.Children[new YamlScalarNode("value")];
        Assert.Equal(value, scalar.Value);
        Assert.True(IsString(scalar), "a plain scalar that YAML resolves to a non-string: " + scalar.Value);
        Assert.Contains(read.Children.Keys, k => ((YamlScalarNode)k).Value == value);
    }

    [Fact]
    public void Label_values_that_look_like_bools_stay_strings()
    {
        var yaml = YamlWriter.Write(new YamlMapping().Set("deploy", "true").Set("replicas", YamlScalar.Int(3)));
        Assert.Equal("deploy: 'true'\nreplicas: 3\n", yaml);
    }

    [Fact]
    public void Output_is_deterministic_block_yaml()
    {
        var document = new YamlMapping()
            .Set("apiVersion", "v1")
            .Set("list", new YamlSequence().Add(YamlScalar.String("a")).Add(new YamlMapping().Set("k", "v").Set("n", YamlScalar.Int(1))))
            .Set("empty", new YamlMapping())
            .Set("none", new YamlSequence())
            .Set("text", "line one\nline two\n");
        // "n" is a YAML 1.1 boolean, so even as a key it is quoted.
        const string expected = "apiVersion: v1\nlist:\n  - a\n  - k: v\n    'n': 1\nempty: {}\nnone: []\ntext: |\n  line one\n  line two\n";
        Assert.Equal(expected, YamlWriter.Write(document));
        Assert.Equal(YamlWriter.Write(document), YamlWriter.Write(document));
    }

    [Fact]
    public void Header_comments_come_first()
    {
        Assert.StartsWith("# Generated\n", YamlWriter.Write(new YamlMapping().Set("a", "b"), "Generated"));
    }

    [Fact]
    public void Any_string_round_trips_through_YamlDotNet()
    {
        // Strings of arbitrary valid Unicode (no lone surrogates, which UTF-8 cannot carry), as values, keys and list items.
        var validString = Gen.String[Gen.Char.Where(c => !char.IsSurrogate(c)), 0, 40];
        Property.Check(validString, value =>
        {
            var document = new YamlMapping()
                .Set("v", value)
                .Set("k" + value, "x")
                .Set("l", new YamlSequence().Add(YamlScalar.String(value)));
            var read = ReadWithYamlDotNet(YamlWriter.Write(document));
            var scalar = (YamlScalarNode)read.Children[new YamlScalarNode("v")];
            var item = (YamlScalarNode)((YamlSequenceNode)read.Children[new YamlScalarNode("l")]).Children[0];
            Assert.True(scalar.Value == value && IsString(scalar) && item.Value == value && IsString(item)
                && read.Children.ContainsKey(new YamlScalarNode("k" + value)), "does not round-trip: " + value);
        }, cases: 20000);
    }

    [Fact]
    public void Numbers_and_bools_keep_their_types()
    {
        var yaml = YamlWriter.Write(new YamlMapping()
            .Set("i", YamlScalar.Int(-42)).Set("f", YamlScalar.Float(3)).Set("g", YamlScalar.Float(0.1)).Set("b", YamlScalar.Bool(true)).Set("z", YamlScalar.Null));
        Assert.Equal("i: -42\nf: 3.0\ng: 0.1\nb: true\nz: null\n", yaml);
    }

    private static YamlMappingNode ReadWithYamlDotNet(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    // A plain scalar is a string only if neither YAML 1.1 nor the 1.2 core schema resolves it to something else;
    // quoted and block scalars are always strings.
    private static bool IsString(YamlScalarNode node) =>
        node.Style != YamlDotNet.Core.ScalarStyle.Plain || HubDsl.Core.Yaml.YamlQuoting.CanBePlain(node.Value!) && !LooksTyped(node.Value!);

    private static bool LooksTyped(string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(value,
            @"^(?:[-+]?[0-9][0-9_:.eExXoObB+-]*|\.(?:inf|Inf|INF|nan|NaN|NAN)|[-+]\.(?:inf|Inf|INF)|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|=|<<)$");
}
