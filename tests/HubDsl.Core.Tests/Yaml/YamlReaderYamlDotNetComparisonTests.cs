using CsCheck;
using HubDsl.Core.Yaml;
using YamlDotNet.RepresentationModel;
using YamlNode = HubDsl.Core.Yaml.YamlNode;

namespace HubDsl.Core.Tests.Yaml;

/// <summary>
/// Parses documents with both YamlReader and YamlDotNet's RepresentationModel and compares the trees.
/// YamlDotNet gives raw scalar text and style; plain scalars are resolved with the same core-schema rule
/// so the comparison checks the syntax (structure, folding, escapes, block scalars), not the schema.
/// </summary>
public sealed class YamlReaderYamlDotNetComparisonTests
{
    public static TheoryData<string> Documents() => new()
    {
        "a: 1\nb: two\nc: true\nd: null\ne: ~\nf: 1.5\ng: '007'\nh: \"x\\ty\"\n",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: prod\n  labels:\n    env: prod\n    deploy: \"true\"\nstringData:\n  name: prod\n  server: https://prod.example.com/\n",
        "- a\n- b\n-   c\n- - nested\n  - seq\n- key: value\n  other: 2\n",
        "key:\n- one\n- two\nnext: 3\n",
        "flow: {a: 1, b: [x, y, 'z z'], c: {d: e}}\nseq: [1, 2.5, \"three\", {k: v}]\nempty: []\nemptyMap: {}\n",
        "literal: |\n  line one\n  line two\n\n  after blank\nfolded: >\n  folded one\n  folded two\n\n  new paragraph\n    indented kept\n  back\nend: x\n",
        "strip: |-\n  text\n\n\nkeep: |+\n  text\n\n\nclip: |\n  text\n\n\nlast: 1\n",
        "indicator: |2\n    two extra spaces\n  base\nfoldedKeep: >+\n  a\n  b\n\n",
        "plain multi: this is\n  a plain scalar\n  over lines\n\n  with a blank\nnext: ok\n",
        "single: 'it''s\n  folded\n\n  here'\ndouble: \"esc \\\"q\\\" \\\\ \\n \\x41 \\u00e9 \\U0001F600 \\\n  joined\"\n",
        "# comment\na: 1 # trailing\n# between\nb:   # empty value\nc: 'x' # after quote\n",
        "anchors:\n  base: &base {x: 1, y: 2}\n  copy: *base\n  s: &s hello\n  t: *s\n",
        "---\nfirst: 1\n---\nsecond: 2\n...\n---\n- third\n",
        "url: http://example.com:8080/path\nnot a comment: a#b\ncolon: a:b\ndash: -x\nq: ?x\n",
        "nested:\n  deeper:\n    deepest:\n      - a: 1\n        b:\n          - x\n          - y\n      - c\n",
        "numbers: [0, -1, +2, 0x1F, 0o17, 1e3, -2.5E-3, .5, .inf, -.Inf, .nan]\nstrings: [1.2.3, 0x, 1_000, yes, no, on, off, 'true']\n",
        "\"quoted key\": 1\n'single key': 2\n? explicit\n: value\n",
        "tagged: !!str 123\nbool: !!bool true\nint: !!int \"42\"\nfloat: !!float 1\ncustom: !foo bar\n",
        "multi-line flow: [a,\n  b, c\n  ]\nmap: {\n  k: v,\n  k2: v2 }\n",
        "text: >-\n  trimmed\n  folded\n",
        "top: |\n  with \"quotes\" and 'single' and # hash\n  {{name}} and {{ .metadata.labels.env }}\n",
        "valuesObject:\n  image:\n    tag: '{{values.tag}}'\n  replicas: 3\n",
        "unicode: \"caf\\u00e9 \\u2028 \\N\"\nplainUnicode: café naïve\n",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void YamlReader_and_YamlDotNet_read_the_same_trees(string text)
    {
        var ours = YamlReader.ParseAll(text);
        var stream = new YamlStream();
        stream.Load(new System.IO.StringReader(text));
        var theirs = stream.Documents.Select(d => Convert(d.RootNode)).ToList();

        Assert.Equal(theirs.Count, ours.Count);
        for (var i = 0; i < ours.Count; i++)
        {
            Assert.True(theirs[i].Equals(ours[i]), "document " + i + " differs:\nYamlDotNet:\n" + YamlWriter.Write(theirs[i]) + "\nYamlReader:\n" + YamlWriter.Write(ours[i]));
        }
    }

    // Random trees emitted by YamlDotNet's own emitter in random styles (flow/block collections; plain,
    // quoted, literal and folded scalars), read back by both parsers.
    private static readonly CsCheck.Gen<string> EmitterString = CsCheck.Gen.OneOf(
        CsCheck.Gen.String[CsCheck.Gen.Char["ab :#-{}[],'\"\n !&*|>\\"], 0, 10],
        CsCheck.Gen.OneOfConst("true", "1", "0x1F", "1.5", "null", "", " lead", "trail ", "a\n\nb\n", "\n\nx", "{{name}}", "- x", "k: v"))
        // YamlDotNet's parser drops the ':' of a plain scalar like ":]x" (valid in block context); avoid the case.
        .Select(text => text.StartsWith(':') ? "x" + text : text);

    private static CsCheck.Gen<YamlDotNet.RepresentationModel.YamlNode> EmitterTree(int depth)
    {
        var scalar = CsCheck.Gen.Select(EmitterString, CsCheck.Gen.Int[0, 4]).Select((text, style) =>
            (YamlDotNet.RepresentationModel.YamlNode)new YamlScalarNode(text) { Style = (YamlDotNet.Core.ScalarStyle)(style + 1) });
        if (depth == 0) return scalar;
        return CsCheck.Gen.Frequency(
            (3, scalar),
            (1, CsCheck.Gen.Select(EmitterTree(depth - 1).Array[0, 3], CsCheck.Gen.Bool).Select((items, flow) =>
                (YamlDotNet.RepresentationModel.YamlNode)new YamlSequenceNode(items) { Style = flow ? YamlDotNet.Core.Events.SequenceStyle.Flow : YamlDotNet.Core.Events.SequenceStyle.Block })),
            (1, CsCheck.Gen.Select(CsCheck.Gen.Select(EmitterString, EmitterTree(depth - 1)).Array[0, 3], CsCheck.Gen.Bool).Select((entries, flow) =>
            {
                var map = new YamlMappingNode { Style = flow ? YamlDotNet.Core.Events.MappingStyle.Flow : YamlDotNet.Core.Events.MappingStyle.Block };
                foreach (var (k, v) in entries.DistinctBy(e => e.Item1)) map.Add(new YamlScalarNode(k), v);
                return (YamlDotNet.RepresentationModel.YamlNode)map;
            })));
    }

    // Cases that once failed. 7CoqTVS3pmW4: YamlDotNet misreads "{ a  *': \"null\" }" (see the test below).
    private static readonly string[] RegressionSeeds = { "7CoqTVS3pmW4" };

    [Fact]
    public void Documents_emitted_by_YamlDotNet_in_random_styles_read_the_same()
    {
        Property.Check(EmitterTree(4), root =>
        {
            var writer = new System.IO.StringWriter();
            new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
            var text = writer.ToString();
            var stream = new YamlStream();
            try
            {
                stream.Load(new System.IO.StringReader(text));
            }
            catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidOperationException)
            {
                return; // YamlDotNet's emitter wrote something its own parser rejects: no reference to compare with.
            }

            var theirs = Convert(stream.Documents[0].RootNode);
            YamlNode ours;
            try
            {
                ours = YamlReader.ParseAll(text)[0];
            }
            catch (YamlReaderException e)
            {
                throw new Exception("YamlReader rejected (" + e.Message + "):\n" + text, e);
            }

            // YamlDotNet's parser has its own bugs (it drops the ':' of a plain ":]x" key, and reads
            // "a  *': \"null\"" in a flow mapping as one key); the tree the emitter was given is the second reference.
            // Ours must match one of them.
            if (!theirs.Equals(ours) && !IsEmitted(root, ours)) throw new Exception("differs for:\n" + text + "\nYamlDotNet:\n" + YamlWriter.Write(theirs) + "\nYamlReader:\n" + YamlWriter.Write(ours));
        }, cases: 3000, RegressionSeeds);
    }

    /// <summary>
    /// Seed 7CoqTVS3pmW4 emitted this flow document (inside a block mapping of mappings). YamlDotNet reads the
    /// entry <c>a  *': "null"</c> as the single key <c>a  *': "null"</c> with a null value; YamlReader reads key
    /// <c>a  *'</c> with the string value "null", and the entry <c>''</c> as an empty string. YamlReader is right:
    /// <list type="bullet">
    /// <item>YAML 1.2.2 §7.3.3: inside a plain scalar, ':' is a content character only when followed by an
    /// ns-plain-safe character (ns-plain-char), so ": " ends the plain scalar <c>a  *'</c>; '*' and '\'' are
    /// ordinary characters after the first one (only ns-plain-first excludes indicators). §7.4.2 then reads
    /// <c>: "null"</c> as the entry's value, a double-quoted (so string) scalar; <c>''</c> is an empty
    /// single-quoted scalar, a string, not null.</item>
    /// <item>go-yaml, which kubectl and Argo CD use, agrees: its scanner (scannerc.go yaml_parser_scan_plain_scalar)
    /// ends a plain scalar at ':' followed by a blank, and kubectl (sigs.k8s.io/yaml) decodes this document to
    /// <c>{"a  *'": "null", "{{name}}": ["&amp;&gt;b\\"]}</c> and <c>""</c> (checked with kubectl 1.32).</item>
    /// </list>
    /// The comparison failed only because its fallback reference took the tree given to the emitter literally: the
    /// emitter wrote that tree's plain empty scalar as <c>''</c>, which is a string. A plain scalar the emitter
    /// may quote is now accepted as either reading (<see cref="IsEmitted"/>).
    /// </summary>
    [Fact]
    public void Seed_7CoqTVS3pmW4_reads_as_the_YAML_spec_and_go_yaml_read_it()
    {
        const string text = "{? \"a\\n\\nb\\n\" : [{'{{name}}': [\"&>b\\\\\"], a  *': \"null\"}, ''], \"#,'!b# ,}!\": \" lead\", 1.5: '{{name}}'}\n...\n";
        var expected = new YamlMapping()
            .Set("a\n\nb\n", new YamlSequence()
                .Add(new YamlMapping().Set("{{name}}", new YamlSequence().Add(YamlScalar.String("&>b\\"))).Set("a  *'", YamlScalar.String("null")))
                .Add(YamlScalar.String(string.Empty)))
            .Set("#,'!b# ,}!", YamlScalar.String(" lead"))
            .Set("1.5", YamlScalar.String("{{name}}"));
        var ours = YamlReader.Parse(text);
        Assert.True(expected.Equals(ours), "read as:\n" + YamlWriter.Write(ours));

        // YamlDotNet's reading, for the record: the whole entry as one key.
        var stream = new YamlStream();
        stream.Load(new System.IO.StringReader(text));
        var theirs = (YamlMapping)Convert(stream.Documents[0].RootNode);
        var item = (YamlMapping)((YamlSequence)theirs["a\n\nb\n"]!)[0];
        Assert.True(item.ContainsKey("a  *': \"null\""));
    }

    // The tree given to YamlDotNet's emitter, as it may come back: the emitter keeps each scalar's text but may quote
    // a plain one it cannot write plainly there ('' for an empty one in a flow sequence), which makes it a string.
    private static bool IsEmitted(YamlDotNet.RepresentationModel.YamlNode given, YamlNode read)
    {
        switch (given)
        {
            case YamlMappingNode m when read is YamlMapping r:
                return m.Children.Count == r.Count && m.Children.All(e => r[((YamlScalarNode)e.Key).Value ?? string.Empty] is { } v && IsEmitted(e.Value, v));
            case YamlSequenceNode s when read is YamlSequence r:
                return s.Children.Count == r.Count && s.Children.Select((c, i) => IsEmitted(c, r[i])).All(ok => ok);
            case YamlScalarNode scalar when scalar.Style is YamlDotNet.Core.ScalarStyle.Plain:
                return Convert(scalar).Equals(read) || YamlScalar.String(scalar.Value ?? string.Empty).Equals(read);
            case YamlScalarNode:
                return Convert(given).Equals(read);
            default:
                return false;
        }
    }

    // YamlDotNet's representation → YamlNode, resolving plain scalars by the same core-schema rule.
    private static YamlNode Convert(YamlDotNet.RepresentationModel.YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode m:
            {
                var result = new YamlMapping();
                foreach (var entry in m.Children)
                {
                    result.Set(((YamlScalarNode)entry.Key).Value ?? string.Empty, Convert(entry.Value));
                }

                return result;
            }

            case YamlSequenceNode s:
                return new YamlSequence(s.Children.Select(Convert));
            case YamlScalarNode scalar:
            {
                var value = scalar.Value ?? string.Empty;
                var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
                switch (tag)
                {
                    case "tag:yaml.org,2002:str": return YamlScalar.String(value);
                    case "tag:yaml.org,2002:int": return YamlScalar.Int(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
                    case "tag:yaml.org,2002:float": return YamlScalar.Float(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
                    case "tag:yaml.org,2002:bool": return YamlScalar.Bool(value == "true");
                }

                if (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain && tag is null) return Resolve(value);
                return YamlScalar.String(value);
            }

            default:
                throw new InvalidOperationException("alias left in the representation model");
        }
    }

    // Independent core-schema resolution for the comparison (not the reader's own resolver).
    private static YamlNode Resolve(string v)
    {
        if (v is "" or "~" or "null" or "Null" or "NULL") return YamlScalar.Null;
        if (v is "true" or "True" or "TRUE") return YamlScalar.Bool(true);
        if (v is "false" or "False" or "FALSE") return YamlScalar.Bool(false);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (System.Text.RegularExpressions.Regex.IsMatch(v, "^[-+]?[0-9]+$")) return YamlScalar.Int(long.Parse(v, inv));
        if (System.Text.RegularExpressions.Regex.IsMatch(v, "^0x[0-9a-fA-F]+$")) return YamlScalar.Int(System.Convert.ToInt64(v.Substring(2), 16));
        if (System.Text.RegularExpressions.Regex.IsMatch(v, "^0o[0-7]+$")) return YamlScalar.Int(System.Convert.ToInt64(v.Substring(2), 8));
        if (System.Text.RegularExpressions.Regex.IsMatch(v, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")) return YamlScalar.Float(double.Parse(v, inv));
        if (v is ".inf" or ".Inf" or ".INF" or "+.inf") return YamlScalar.Float(double.PositiveInfinity);
        if (v is "-.inf" or "-.Inf" or "-.INF") return YamlScalar.Float(double.NegativeInfinity);
        if (v is ".nan" or ".NaN" or ".NAN") return YamlScalar.Float(double.NaN);
        return YamlScalar.String(v);
    }
}
