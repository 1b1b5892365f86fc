using HubDsl.Core.Yaml;

namespace HubDsl.Core.Tests.Yaml;

/// <summary>Specific reader behaviour: scalar resolution, errors with positions, origins, documents.</summary>
public sealed class YamlReaderTests
{
    [Theory]
    [InlineData("x: true", ScalarKind.Bool, "true")]
    [InlineData("x: \"true\"", ScalarKind.String, "true")]
    [InlineData("x: yes", ScalarKind.String, "yes")] // YAML 1.2 core schema: yes/on are strings
    [InlineData("x: 0x10", ScalarKind.Int, "16")]
    [InlineData("x: 0o10", ScalarKind.Int, "8")]
    [InlineData("x: 010", ScalarKind.Int, "10")]
    [InlineData("x: 1.0", ScalarKind.Float, "1.0")]
    [InlineData("x: ~", ScalarKind.Null, "null")]
    [InlineData("x:", ScalarKind.Null, "null")]
    [InlineData("x: !!str", ScalarKind.String, "")]
    [InlineData("x: !!str 1", ScalarKind.String, "1")]
    [InlineData("x: '1'", ScalarKind.String, "1")]
    [InlineData("x: 99999999999999999999", ScalarKind.Float, "1E+20")]
    public void Scalars_resolve_with_the_core_schema(string text, ScalarKind kind, string value)
    {
        var scalar = Assert.IsType<YamlScalar>(((YamlMapping)YamlReader.Parse(text))["x"]);
        Assert.Equal(kind, scalar.Kind);
        Assert.Equal(value, scalar.Value);
    }

    [Theory]
    [InlineData("a: b: c", 1, 5, "mapping values are not allowed")]
    [InlineData("a: 'open", 1, 4, "unterminated single-quoted")]
    [InlineData("a: \"bad \\q\"", 1, 9, "unknown escape")]
    [InlineData("a: 1\n  b: 2", 2, 4, "mapping values are not allowed")]
    [InlineData("a: 1\na: 2", 2, 1, "already defined at line 1")]
    [InlineData("a: [1, 2", 1, 4, "unterminated flow sequence")]
    [InlineData("a: *nope", 1, 4, "unknown anchor")]
    [InlineData("a:\n  - x\n - y", 3, 2, "")]
    [InlineData("- a\nb: c", 2, 1, "expected the end of the document")]
    [InlineData("a: @x", 1, 4, "cannot start with '@'")]
    [InlineData("a:\n\tb: 1", 2, 1, "tab character")]
    [InlineData("a:\n  b: 1\n \tc: 2", 3, 2, "tab character")]
    public void Errors_carry_line_and_column(string text, int line, int column, string message)
    {
        var e = Assert.Throws<YamlReaderException>(() => YamlReader.Parse(text));
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("(" + line + ":" + column + ")", e.Message);
    }

    [Fact]
    public void Parse_rejects_several_documents_and_ParseAll_reads_them()
    {
        const string text = "a: 1\n---\nb: 2\n";
        Assert.Throws<YamlReaderException>(() => YamlReader.Parse(text));
        var docs = YamlReader.ParseAll(text);
        Assert.Equal(2, docs.Count);
        Assert.Equal("2", ((YamlMapping)docs[1])["b"]!.ToString());
        Assert.Empty(YamlReader.ParseAll("# only a comment\n"));
        Assert.Same(YamlScalar.Null, YamlReader.Parse(""));
    }

    [Fact]
    public void Nodes_and_keys_carry_their_source_spans()
    {
        const string text = "metadata:\n  name: 'agent-{{name}}'\n";
        var root = (YamlMapping)YamlReader.Parse(text, "appset.yaml");
        var metadata = (YamlMapping)root["metadata"]!;
        var name = metadata["name"]!;
        Assert.Equal(new SourceSpan("appset.yaml", text.IndexOf('\''), "'agent-{{name}}'".Length), name.Origin);
        Assert.Equal(new SourceSpan("appset.yaml", text.IndexOf("name:", StringComparison.Ordinal), 4), metadata.KeyOrigins!["name"]);
    }

    [Fact]
    public void Merge_keys_fill_in_absent_keys_and_aliases_resolve()
    {
        var root = (YamlMapping)YamlReader.Parse("base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n");
        var derived = (YamlMapping)root["derived"]!;
        Assert.Equal("3", derived["y"]!.ToString());
        Assert.Equal("1", derived["x"]!.ToString());
        Assert.False(derived.ContainsKey("<<"));
    }

    [Fact]
    public void Block_scalar_chomping_and_indentation_indicators()
    {
        var root = (YamlMapping)YamlReader.Parse("a: |-\n  x\n\nb: |+\n  x\n\nc: >\n  x\n  y\nd: |1\n   lead\ne: >\n\n  first\n");
        Assert.Equal("x", root["a"]!.AsString());
        Assert.Equal("x\n\n", root["b"]!.AsString());
        Assert.Equal("x y\n", root["c"]!.AsString());
        Assert.Equal("  lead\n", root["d"]!.AsString());
        Assert.Equal("\nfirst\n", root["e"]!.AsString());
    }

    [Fact]
    public void Deep_nesting_is_a_reader_error_not_a_stack_overflow()
    {
        var text = new string('[', 5000) + new string(']', 5000);
        var e = Assert.Throws<YamlReaderException>(() => YamlReader.Parse(text));
        Assert.Contains("nesting deeper", e.Message);
    }

    [Fact]
    public void Tabs_after_indentation_are_separation_not_indentation()
    {
        Assert.Equal(YamlReader.Parse("a: 1\nb: [x, y]\n"), YamlReader.Parse("a:\t1\nb: [x,\n\ty]\n"));
    }

    [Fact]
    public void Origins_and_error_offsets_point_into_the_original_text_with_crlf_and_bom()
    {
        const string text = "\uFEFFa: 1\r\nmetadata:\r\n  name: 'x'\r\n";
        var name = ((YamlMapping)((YamlMapping)YamlReader.Parse(text))["metadata"]!)["name"]!;
        Assert.Equal("'x'", text.Substring(name.Origin!.Start, name.Origin.Length));
        var e = Assert.Throws<YamlReaderException>(() => YamlReader.Parse("\uFEFFa: 1\r\nb: 'open\r\n"));
        Assert.Equal(("'open", 2, 4), ("\uFEFFa: 1\r\nb: 'open\r\n".Substring(e.Offset, 5), e.Line, e.Column));
    }

    [Fact]
    public void Crlf_line_endings_read_like_lf()
    {
        Assert.Equal(YamlReader.Parse("a:\n  - b\n  - c: |\n      x\n"), YamlReader.Parse("a:\r\n  - b\r\n  - c: |\r\n      x\r\n"));
    }
}
