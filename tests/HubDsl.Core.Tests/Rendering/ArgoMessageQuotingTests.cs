using HubDsl.Core.Rendering;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>
/// Argo CD's messages quote with Go's <c>%q</c> (strconv.Quote): valyala/fasttemplate template.go <c>NewTemplate</c>
/// ("Cannot find end tag=%q in the template=%q starting from %q"); the renderer words its errors the same way.
/// </summary>
public sealed class ArgoMessageQuotingTests
{
    [Theory]
    [InlineData("a\a", "\"a\\a\"")]
    [InlineData("a\u00a0b", "\"a\\u00a0b\"")]
    [InlineData("a\u007f", "\"a\\x7f\"")]
    [InlineData("é\"", "\"é\\\"\"")]
    public void A_missing_end_tag_is_reported_with_Go_quoting(string unclosed, string quotedRest)
    {
        // The string qualifies ({{x}} on its line); the second tag has no end.
        var template = "{{x}}{{" + unclosed;
        var quotedTemplate = "\"{{x}}{{" + quotedRest.Substring(1);
        var e = Assert.Throws<FastTemplateException>(() => FastTemplate.Render(template, new Dictionary<string, object?>()));
        Assert.Equal("invalid template: Cannot find end tag=\"}}\" in the template=" + quotedTemplate + " starting from " + quotedRest, e.Message);
    }
}
