using HubDsl.Core.Model;
using HubDsl.Core.Rendering;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Model;

/// <summary>The Cluster generator parameters as each template mode writes them, read back by the renderer.</summary>
public sealed class TemplateModeTests
{
    private static readonly TemplateMode GoTemplate = new(GoTemplate: true, MissingKey: null);

    [Fact]
    public void A_goTemplate_key_with_a_newline_is_written_as_a_Go_string_literal_the_renderer_parses()
    {
        // A raw line break inside "..." is a Go template parse error ("unterminated quoted string"): strconv.Quote escapes it.
        var parameter = GoTemplate.Render(ParamKind.Value, "a\nb");
        Assert.Equal("{{ index .values \"a\\nb\" }}", parameter);

        var appSet = "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: demo\n  namespace: argocd\nspec:\n  goTemplate: true\n"
            + "  generators:\n  - clusters:\n      selector:\n        matchLabels:\n          env: prod\n      values:\n        \"a\\nb\": x\n"
            + "  template:\n    metadata:\n      name: 'app-" + parameter + "'\n    spec:\n      project: default\n      destination:\n        server: '{{ .server }}'\n        namespace: demo\n";
        var result = Render(appSet, new[] { Secret("prod", "https://prod.example.com", Labels(("env", "prod"))) });

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "app-x" }, Names(result));
    }

    [Theory]
    [InlineData("my-label", "{{ index .metadata.labels \"my-label\" }}")]
    [InlineData("a\"b\\c", "{{ index .metadata.labels \"a\\\"b\\\\c\" }}")]
    [InlineData("tab\there", "{{ index .metadata.labels \"tab\\there\" }}")]
    public void goTemplate_label_keys_are_quoted_like_Go_strconv_Quote(string key, string expected) =>
        Assert.Equal(expected, GoTemplate.Render(ParamKind.Label, key));
}
