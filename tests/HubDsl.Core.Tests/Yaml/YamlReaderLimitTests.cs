using HubDsl.Core.Yaml;

namespace HubDsl.Core.Tests.Yaml;

/// <summary>
/// The reader's limits: go-yaml's alias rule (the threshold documents below were checked with kubectl 1.32,
/// which decodes through sigs.k8s.io/yaml and go-yaml v2: `kubectl create --dry-run=client -f FILE` reports
/// "document contains excessive aliasing" for the rejected one and nothing about aliases for the other),
/// the per-stream alias bound, text length and nesting. Each error names its limit.
/// </summary>
public sealed class YamlReaderLimitTests
{
    // The classic "billion laughs": 9 levels of 9 aliases, 9^9 (387 million) strings once expanded, in 900 bytes.
    private const string Bomb = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: bomb
        data:
          a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
          b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
          c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
          d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
          e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
          f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
          g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
          h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
          i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """;

    [Fact]
    public void An_alias_bomb_is_refused_at_the_alias_that_breaks_go_yamls_rule()
    {
        var e = Assert.Throws<YamlReaderException>(() => YamlReader.Parse(Bomb, "bomb.yaml"));
        Assert.StartsWith("document contains excessive aliasing", e.Reason);
        Assert.Contains("go-yaml (kubectl, Helm, Argo CD) allows", e.Reason);
        Assert.Equal("bomb.yaml", e.Path);
        // The fifth alias of line 9 ('c') is where the expansions first pass 99% of more than 1000 decoded nodes.
        Assert.Equal((9, 22), (e.Line, e.Column));
    }

    [Fact]
    public void The_bomb_fails_in_fromYaml_too()
    {
        // fromYaml reads through the same reader: the template fails with the reader's reason.
        var template = Core.Templating.GoTemplate.Parse("{{ fromYaml .doc }}");
        var e = Assert.Throws<Core.Templating.TemplateExecutionException>(() =>
            template.Execute(new Dictionary<string, object?> { ["doc"] = Bomb }, new Core.Templating.GoTemplateOptions { YamlParser = text => YamlReader.Parse(text) }));
        Assert.Contains("excessive aliasing", e.Message);
    }

    public static TheoryData<string, bool> Thresholds() => new()
    {
        // 200-item anchor, then aliases to it: kubectl accepts 209 and refuses 210.
        { Document("  a: &a [" + Items("x", 200) + "]\n  b: [" + Items("*a", 209) + "]\n"), false },
        { Document("  a: &a [" + Items("x", 200) + "]\n  b: [" + Items("*a", 210) + "]\n"), true },
        // The same in block style.
        { Document("  a: &a\n" + Lines("    - x\n", 200) + "  b:\n" + Lines("    - *a\n", 209)), false },
        { Document("  a: &a\n" + Lines("    - x\n", 200) + "  b:\n" + Lines("    - *a\n", 210)), true },
        // Merge keys: go-yaml decodes the merged mapping but neither the '<<' key: 133 accepted, 134 refused.
        { Document("  a: &a {" + string.Join(", ", Enumerable.Range(0, 400).Select(i => "k" + i + ": v")) + "}\n  b:\n" + Lines("    - <<: *a\n", 133)), false },
        { Document("  a: &a {" + string.Join(", ", Enumerable.Range(0, 400).Select(i => "k" + i + ": v")) + "}\n  b:\n" + Lines("    - <<: *a\n", 134)), true },
    };

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void The_alias_rule_draws_the_line_where_kubectl_does(string text, bool refused)
    {
        var error = Record.Exception(() => YamlReader.Parse(text));
        if (refused) Assert.Contains("excessive aliasing", Assert.IsType<YamlReaderException>(error).Reason);
        else Assert.Null(error);
    }

    [Fact]
    public void Many_small_documents_cannot_add_up_to_more_alias_nodes_than_the_stream_limit()
    {
        // Each document stays under go-yaml's 1000-node floor, so the per-document rule never fires.
        var document = "a: &a [" + Items("x", 90) + "]\nb: [" + Items("*a", 9) + "]\n";
        var documents = (int)(YamlReaderLimits.MaxAliasNodesPerStream / (9 * 91)) + 2;
        var text = string.Concat(Enumerable.Repeat("---\n" + document, documents));
        var e = Assert.Throws<YamlReaderException>(() => YamlReader.ParseAll(text));
        Assert.Contains("YamlReaderLimits.MaxAliasNodesPerStream", e.Reason);
        Assert.Single(YamlReader.ParseAll("---\n" + document)); // near miss: one such document reads
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused_before_reading()
    {
        var text = new string('#', YamlReaderLimits.MaxTextLength + 1);
        var e = Assert.Throws<YamlReaderException>(() => YamlReader.ParseAll(text, "huge.yaml"));
        Assert.Contains("YamlReaderLimits.MaxTextLength", e.Reason);
        Assert.Equal("huge.yaml", e.Path);
        Assert.Empty(YamlReader.ParseAll(new string('#', YamlReaderLimits.MaxTextLength))); // at the limit: a comment, no documents
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_names_it()
    {
        var deep = new string('[', YamlReaderLimits.MaxNesting + 1) + new string(']', YamlReaderLimits.MaxNesting + 1);
        var e = Assert.Throws<YamlReaderException>(() => YamlReader.Parse(deep));
        Assert.Contains("YamlReaderLimits.MaxNesting", e.Reason);
        // The document's own node is the first level.
        var atLimit = new string('[', YamlReaderLimits.MaxNesting - 1) + new string(']', YamlReaderLimits.MaxNesting - 1);
        Assert.IsType<YamlSequence>(YamlReader.Parse(atLimit));
    }

    [Fact]
    public void Ordinary_anchors_in_values_read_as_before()
    {
        var values = (YamlMapping)YamlReader.Parse("defaults: &d {cpu: 100m, memory: 64Mi}\nprod:\n  <<: *d\n  cpu: 500m\nstaging: *d\n");
        Assert.Equal("500m", ((YamlMapping)values["prod"]!)["cpu"]!.AsString());
        Assert.Equal("64Mi", ((YamlMapping)values["prod"]!)["memory"]!.AsString());
        Assert.Same(values["defaults"], values["staging"]);
    }

    private static string Document(string data) => "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\ndata:\n" + data;

    private static string Items(string item, int count) => string.Join(", ", Enumerable.Repeat(item, count));

    private static string Lines(string line, int count) => string.Concat(Enumerable.Repeat(line, count));
}
