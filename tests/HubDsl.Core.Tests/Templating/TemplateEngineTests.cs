using System.Collections.ObjectModel;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Tests.Templating;

/// <summary>Behaviour the Go 1.19 oracle cannot show (newer Go, HubDsl limits, the C# API surface).</summary>
public class TemplateEngineTests
{
    private static string Run(string text, object? data = null, GoTemplateOptions? options = null) => GoTemplate.Parse(text).Execute(data, options);

    [Fact]
    public void Else_with_follows_go_1_23()
    {
        // Go 1.23 text/template docs: {{with pipeline}} T1 {{else with pipeline}} T0 {{end}}; Argo CD builds with Go >= 1.23.
        var data = new Dictionary<string, object?> { ["s"] = "hello" };
        Assert.Equal("hello", Run("{{ with .nope }}a{{ else with .s }}{{ . }}{{ end }}", data));
        Assert.Equal("none", Run("{{ with .nope }}a{{ else with .nope2 }}b{{ else }}none{{ end }}", data));
    }

    [Fact]
    public void Range_over_an_integer_follows_go_1_24()
    {
        // Go 1.24 release notes: "Templates now support range-over-func and range-over-int" (golang/go#66107);
        // exec.go passes each value as the element, so one variable gets it and two variables are an error.
        var data = new Dictionary<string, object?> { ["n"] = 3, ["z"] = 0 };
        Assert.Equal("012|a0a1a2|none", Run("{{ range .n }}{{ . }}{{ end }}|{{ range $v := .n }}a{{ $v }}{{ end }}|{{ range .z }}x{{ else }}none{{ end }}", data));
        var e = Assert.Throws<TemplateExecutionException>(() => Run("{{ range $i, $v := .n }}{{ end }}", data));
        Assert.EndsWith("can't use 3 to iterate over more than one variable", e.Message);
        // Go has no limit; HubDsl's work budget stops a range this long.
        Assert.Equal(WorkLimit.Steps, Assert.Throws<WorkLimitExceededException>(() => Run("{{ range 100000000 }}{{ end }}")).Limit);
    }

    [Fact]
    public void A_lone_surrogate_in_a_character_constant_is_the_replacement_rune()
    {
        // A .NET string's lone surrogate is invalid UTF-8 to Go; strconv.UnquoteChar decodes it with
        // utf8.DecodeRuneInString, which gives RuneError (U+FFFD = 65533).
        Assert.Equal("65533", Run("{{ '\uD800' }}"));
        Assert.Equal("128512", Run("{{ '\uD83D\uDE00' }}"));
    }

    [Theory]
    [InlineData("now")]
    [InlineData("uuidv4")]
    [InlineData("randAlphaNum 5")]
    [InlineData("date \"2006\" now")]
    [InlineData("encryptAES \"k\" \"text\"")]
    public void Nondeterministic_functions_are_refused_when_called_not_when_parsed(string call)
    {
        // text/template only calls what it executes: Go accepts the template, and so does HubDsl.
        var fn = call.Split(' ')[0];
        var template = GoTemplate.Parse("{{ " + call + " }}");
        var e = Assert.Throws<TemplateExecutionException>(() => template.Execute(new Dictionary<string, object?>(), new GoTemplateOptions()));
        Assert.Contains("error calling " + fn + ": function \"" + fn + "\" is not supported by HubDsl's template engine", e.Message);
        Assert.Equal("ok", GoTemplate.Parse("{{ if false }}{{ " + call + " }}{{ end }}ok").Execute(new Dictionary<string, object?>(), new GoTemplateOptions()));
    }

    [Fact]
    public void Unknown_functions_are_reported_like_go()
    {
        var e = Assert.Throws<TemplateParseException>(() => GoTemplate.Parse("x\n{{ foo }}"));
        Assert.Equal("template: base:2: function \"foo\" not defined", e.Message);
    }

    [Fact]
    public void Complex_constants_are_rejected_clearly()
    {
        var e = Assert.Throws<TemplateParseException>(() => GoTemplate.Parse("{{ 1i }}"));
        Assert.Contains("complex number \"1i\"", e.Message);
    }

    [Fact]
    public void Go_syntax_printf_is_refused_rather_than_approximated()
    {
        var e = Assert.Throws<TemplateExecutionException>(() => Run("{{ printf \"%#v\" 1 }}"));
        Assert.EndsWith("error calling printf: printf: %#v (Go-syntax values) is not supported by HubDsl", e.Message);
    }

    [Fact]
    public void FromYaml_without_a_parser_names_the_function()
    {
        var e = Assert.Throws<TemplateExecutionException>(() => Run("{{ fromYaml \"a: 1\" }}"));
        Assert.Equal("template: base:1:3: executing \"base\" at <fromYaml \"a: 1\">: error calling fromYaml: fromYaml needs a YAML parser: set GoTemplateOptions.YamlParser", e.Message);
    }

    [Fact]
    public void FromYaml_numbers_become_float64_like_sigs_yaml()
    {
        var options = new GoTemplateOptions { YamlParser = _ => new Dictionary<string, object?> { ["n"] = 3, ["m"] = new Dictionary<string, string> { ["k"] = "v" } } };
        Assert.Equal("float64 3 v", Run("{{ $y := fromYaml \"ignored\" }}{{ printf \"%T\" $y.n }} {{ $y.n }} {{ $y.m.k }}", null, options));
    }

    [Fact]
    public void A_throwing_yaml_parser_becomes_a_template_error()
    {
        var options = new GoTemplateOptions { YamlParser = _ => throw new FormatException("bad yaml") };
        var e = Assert.Throws<TemplateExecutionException>(() => Run("{{ fromYamlArray \"x\" }}", null, options));
        Assert.EndsWith("error calling fromYamlArray: bad yaml", e.Message);
    }

    [Fact]
    public void Long_values_are_go_int64()
    {
        var data = new Dictionary<string, object?> { ["n"] = 5L };
        Assert.Equal("int64 5 6", Run("{{ printf \"%T\" .n }} {{ .n }} {{ add .n 1 }}", data));
        var e = Assert.Throws<TemplateExecutionException>(() => Run("{{ trunc .n \"abcdef\" }}", data));
        Assert.EndsWith("wrong type for value; expected int; got int64", e.Message);
    }

    [Fact]
    public void Read_only_input_maps_are_not_modified()
    {
        var data = new Dictionary<string, object?> { ["m"] = new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?> { ["a"] = 1 }) };
        var e = Assert.Throws<TemplateExecutionException>(() => Run("{{ set .m \"b\" 2 }}", data));
        Assert.Contains("read-only input map", e.Message);
    }

    [Fact]
    public void Dict_results_can_be_modified_in_place_like_go_maps()
    {
        Assert.Equal("map[a:1 b:2]", Run("{{ $d := dict \"a\" 1 }}{{ $_ := set $d \"b\" 2 }}{{ $d }}"));
    }

    [Fact]
    public void Deep_nesting_is_a_parse_error_not_a_crash()
    {
        string text = "{{ " + new string('(', 5000) + "1" + new string(')', 5000) + " }}";
        var e = Assert.Throws<TemplateParseException>(() => GoTemplate.Parse(text));
        Assert.Contains("nesting too deep", e.Message);
    }

    [Fact]
    public void Recursive_templates_stop_with_an_error()
    {
        var e = Assert.Throws<TemplateExecutionException>(() => Run("{{ define \"r\" }}{{ template \"r\" }}{{ end }}{{ template \"r\" }}"));
        Assert.Contains("exceeded maximum template depth", e.Message);
    }

    [Fact]
    public void Huge_repeat_is_refused()
    {
        var e = Assert.Throws<TemplateExecutionException>(() => Run("{{ repeat 100000000 \"abcdefgh\" }}"));
        Assert.Contains("error calling repeat", e.Message);
    }

    [Fact]
    public void Template_name_appears_in_messages()
    {
        var e = Assert.Throws<TemplateParseException>(() => GoTemplate.Parse("{{ end }}", "other"));
        Assert.Equal("template: other:1: unexpected {{end}}", e.Message);
    }

    [Fact]
    public void Execution_column_counts_utf8_bytes_like_go()
    {
        var data = new Dictionary<string, object?>();
        var e = Assert.Throws<TemplateExecutionException>(() => Run("é {{ .a.b }}", data, new GoTemplateOptions { MissingKey = MissingKeyOption.Error }));
        // oracle: Go reports the byte offset of the chain's second field (".b"), after the 2-byte "é"
        Assert.Equal("template: base:1:8: executing \"base\" at <.a.b>: map has no entry for key \"a\"", e.Message);
    }

    [Theory]
    [InlineData("{{ $d := dict }}{{ $_ := set $d \"self\" $d }}{{ has $d (list $d) }}", "true")]
    [InlineData("{{ $d := dict \"a\" (dict) }}{{ $_ := set $d.a \"b\" $d }}{{ $e := dict \"a\" (dict) }}{{ $_ := set $e.a \"b\" $e }}{{ uniq (list $d $e) | len }}", null)]
    [InlineData("{{ $d := dict }}{{ $_ := set $d \"self\" $d }}{{ toJson $d }}", null)]
    [InlineData("{{ $d := dict }}{{ $_ := set $d \"self\" $d }}{{ toYaml $d }}", null)]
    [InlineData("{{ $d := dict \"x\" (dict) }}{{ $_ := set $d.x \"y\" $d }}{{ merge (dict \"x\" (dict)) $d $d | len }}", null)]
    [InlineData("{{ $d := dict }}{{ $_ := set $d \"self\" $d }}{{ printf \"%v|%d\" $d $d | len | lt 10 }}", "true")]
    [InlineData("{{ $d := dict }}{{ $_ := set $d \"self\" $d }}{{ print $d | len | lt 10 }} {{ eq $d (list) }}", null)]
    public void Self_containing_dicts_end_in_a_result_or_a_template_error(string text, string? expected)
    {
        // Go itself would overflow its stack on most of these; HubDsl must neither hang nor crash
        try
        {
            string output = Run(text);
            if (expected != null) Assert.Equal(expected, output);
        }
        catch (TemplateExecutionException e)
        {
            Assert.Null(expected);
            Assert.DoesNotContain("internal error", e.Message);
        }
    }
}
