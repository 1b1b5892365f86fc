using HubDsl.Core.Validation;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Validation;

/// <summary>
/// The label and DNS name rules, checked against apimachinery's own cases (pkg/util/validation/validation_test.go
/// <c>TestIsQualifiedName</c>, <c>TestIsValidLabelValue</c>, <c>TestIsDNS1123Subdomain</c>), and the places that use
/// them: the analyzers' messages (<see cref="LabelRules"/>) and the renderer's label selectors agree on every case.
/// </summary>
public sealed class KubernetesNamesTests
{
    public static TheoryData<string, bool> QualifiedNames() => new()
    {
        { "simple", true }, { "now-with-dashes", true }, { "1-starts-with-num", true }, { "1234", true },
        { "simple/simple", true }, { "now-with-dashes/simple", true }, { "now-with-dashes/now-with-dashes", true },
        { "now.with.dots/simple", true }, { "now-with.dashes-and.dots/simple", true }, { "1-num.2-num/3-num", true },
        { "1234/5678", true }, { "1.2.3.4/5678", true }, { "Uppercase_Is_OK_123", true }, { "example.com/Uppercase_Is_OK_123", true },
        { "requests.storage-foo", true }, { new string('a', 63), true }, { new string('a', 253) + "/" + new string('b', 63), true },
        { "nospecialchars%^=@", false }, { "cantendwithadash-", false }, { "-cantstartwithadash-", false }, { "only/one/slash", false },
        { "Example.com/abc", false }, { "example_com/abc", false }, { "example.com/", false }, { "/simple", false },
        { new string('a', 64), false }, { new string('a', 254) + "/abc", false },
        { "simple\n", false }, { "example.com\n/simple", false },
    };

    public static TheoryData<string, bool> LabelValues() => new()
    {
        { "simple", true }, { "now-with-dashes", true }, { "1-starts-with-num", true }, { "end-with-num-1", true }, { "1234", true },
        { new string('a', 63), true }, { string.Empty, true },
        { "nospecialchars%^=@", false }, { "Tama-nui-te-rā.is.Māori.sun", false }, { "\\backslashes\\are\\bad", false },
        { "-starts-with-dash", false }, { "ends-with-dash-", false }, { ".starts.with.dot", false }, { "ends.with.dot.", false },
        { new string('a', 64), false }, { "simple\n", false },
    };

    [Theory]
    [MemberData(nameof(QualifiedNames))]
    public void A_label_key_is_a_qualified_name(string key, bool valid)
    {
        Assert.Equal(valid, LabelRules.KeyProblem(key) is null);
        Assert.Equal(valid, SelectorError("{matchLabels: {" + Quote(key) + ": x}}") is null);
    }

    [Theory]
    [MemberData(nameof(LabelValues))]
    public void A_label_value_is_empty_or_a_label_name(string value, bool valid)
    {
        Assert.Equal(valid, KubernetesNames.IsLabelValue(value));
        Assert.Equal(valid, LabelRules.ValueProblem(value) is null);
        Assert.Equal(valid, SelectorError("{matchLabels: {env: " + Quote(value) + "}}") is null);
    }

    [Theory]
    [InlineData("example.com", true)]
    [InlineData("a.b-c.d", true)]
    [InlineData("1.2.3.4", true)]
    [InlineData("Example.com", false)]
    [InlineData("a..b", false)]
    [InlineData("-a", false)]
    [InlineData("a_b", false)]
    [InlineData("", false)]
    [InlineData("example.com\n", false)]
    public void A_DNS_subdomain_is_lowercase_RFC_1123(string value, bool valid) => Assert.Equal(valid, KubernetesNames.IsDnsSubdomain(value));

    [Fact]
    public void A_DNS_subdomain_has_at_most_253_characters()
    {
        Assert.True(KubernetesNames.IsDnsSubdomain(new string('a', 253)));
        Assert.False(KubernetesNames.IsDnsSubdomain(new string('a', 254)));
    }

    [Theory]
    [InlineData("{matchLabels: {a/b/c: x}}", "key: Invalid value: \"a/b/c\": a qualified name must consist of")]
    [InlineData("{matchLabels: {/simple: x}}", "key: Invalid value: \"/simple\": prefix part must be non-empty")]
    [InlineData("{matchLabels: {Example.com/abc: x}}", "key: Invalid value: \"Example.com/abc\": prefix part must be a lowercase RFC 1123 subdomain")]
    [InlineData("{matchLabels: {example.com/: x}}", "key: Invalid value: \"example.com/\": name part must be non-empty")]
    [InlineData("{matchLabels: {-x: x}}", "key: Invalid value: \"-x\": name part must consist of alphanumeric characters")]
    [InlineData("{matchLabels: {env: -x}}", "values[0][env]: Invalid value: \"-x\": a valid label must be an empty string")]
    public void The_selector_reports_Kubernetes_messages(string selector, string message) =>
        Assert.Contains(message, SelectorError(selector));

    // The Cluster generator's error for a selector, or null when it selects (the renderer's own LabelSelector).
    private static string? SelectorError(string selector)
    {
        var appSet = "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: demo\n  namespace: argocd\nspec:\n"
            + "  generators:\n  - clusters:\n      selector: " + selector + "\n"
            + "  template:\n    metadata:\n      name: '{{name}}'\n    spec:\n      project: default\n      destination:\n        server: '{{server}}'\n        namespace: demo\n";
        return Render(appSet).Errors.FirstOrDefault()?.Message;
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}
