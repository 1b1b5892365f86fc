using HubDsl.Core.Rendering;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>fasttemplate mode (applicationset/utils/utils.go Render.Replace, valyala/fasttemplate; utils_test.go TestRenderTemplateParams).</summary>
public sealed class FastTemplateTests
{
    private static readonly Dictionary<string, object?> Params = new()
    {
        ["name"] = "prod",
        ["metadata.labels.env"] = "production",
        ["values.revision"] = "v1",
        ["braces"] = "{{name}}",
        ["count"] = 3.0,
    };

    private static (string Output, List<string> Unresolved) Run(string text)
    {
        var unresolved = new List<string>();
        return (FastTemplate.Render(text, Params, unresolved.Add), unresolved);
    }

    [Theory]
    [InlineData("{{name}}", "prod")]
    [InlineData("{{ name }}", "prod")]
    [InlineData("{{\tname\t}}", "prod")]
    [InlineData("a-{{name}}-{{metadata.labels.env}}-{{values.revision}}", "a-prod-production-v1")]
    [InlineData("no tags here", "no tags here")]
    [InlineData("", "")]
    public void Tags_are_trimmed_flat_keys(string template, string expected)
    {
        var (output, unresolved) = Run(template);
        Assert.Equal(expected, output);
        Assert.Empty(unresolved);
    }

    [Theory]
    [InlineData("{{replicas}}", "replicas")]
    [InlineData("{{ Name }}", "Name")] // case-sensitive
    [InlineData("{{.name}}", ".name")] // goTemplate syntax is an unknown key here
    [InlineData("{{name | normalize}}", "name | normalize")]
    [InlineData("{{count}}", "count")] // non-string value
    [InlineData("{{}}", "")]
    [InlineData("{{  }}", "")]
    public void Unknown_keys_non_strings_and_empty_tags_are_written_back_unchanged(string template, string key)
    {
        var (output, unresolved) = Run("x-" + template + "-y");
        Assert.Equal("x-" + template + "-y", output);
        Assert.Equal(new[] { key }, unresolved);
    }

    [Fact]
    public void Output_is_not_rescanned()
    {
        Assert.Equal("{{name}}/prod", Run("{{braces}}/{{name}}").Output);
    }

    [Theory]
    [InlineData("{{name\n}}", false)]
    [InlineData("{{name}\n}", false)]
    [InlineData("{{\nname}}", false)]
    [InlineData("a\n{{name}}\nb", true)]
    [InlineData("}} {{", false)]
    [InlineData("{{}}", true)]
    public void A_string_qualifies_only_with_open_and_close_on_one_line(string text, bool qualifies)
    {
        // Argo's regex .*{{.*}}.* : '.' does not match a line break.
        Assert.Equal(qualifies, FastTemplate.IsTemplated(text));
    }

    [Fact]
    public void A_string_that_does_not_qualify_passes_through_even_with_an_unclosed_tag()
    {
        Assert.Equal("{{name\n}}", Run("{{name\n}}").Output);
        Assert.Equal("open {{ only", Run("open {{ only").Output);
        Assert.Equal("{{\nname}}", Run("{{\nname}}").Output);
    }

    [Fact]
    public void Once_qualified_tags_may_span_lines()
    {
        // fasttemplate parses the whole string; only the qualification is line-bound.
        Assert.Equal("prod {{na\nme}}", Run("{{name}} {{na\nme}}").Output);
        Assert.Equal("prod prod", Run("{{name}} {{\nname\n}}").Output);
    }

    [Fact]
    public void An_unclosed_tag_in_a_qualified_string_is_an_error()
    {
        var e = Assert.Throws<FastTemplateException>(() => Run("{{name}} and {{oops"));
        Assert.Equal("invalid template: Cannot find end tag=\"}}\" in the template=\"{{name}} and {{oops\" starting from \"oops\"", e.Message);
    }

    [Fact]
    public void Cannot_find_end_tag_blocks_the_whole_application_set()
    {
        // controllers/template/template.go GenerateApplications: a render error stops the reconcile before any create/update.
        var yaml = ScenarioTests.ScenarioAppSet.Replace("path: helm/", "path: 'helm/{{name}}/{{oops'");
        var result = Render(yaml);
        Assert.Empty(result.Applications);
        Assert.True(result.IsBlocked);
        Assert.All(result.Errors, e => Assert.Equal(RenderErrorReasons.RenderTemplateParamsError, e.Reason));
        Assert.Contains("Cannot find end tag", result.Errors[0].Message);
    }

    [Fact]
    public void Scenario_replicas_parameter_is_left_literally_and_reported()
    {
        // The scenario's "Cluster-Specific Configurations": {{replicas}} is never produced by the Cluster generator.
        const string yaml = """
            apiVersion: argoproj.io/v1alpha1
            kind: ApplicationSet
            metadata:
              name: agent
              namespace: argocd
            spec:
              generators:
                - clusters: {}
              template:
                metadata:
                  name: 'agent-{{name}}'
                spec:
                  project: default
                  destination:
                    server: '{{server}}'
                    namespace: agent
                  source:
                    repoURL: https://github.com/example/agent
                    path: helm/
                    helm:
                      parameters:
                        - name: replicas
                          value: "{{replicas}}"
                        - name: environment
                          value: "{{name}}"
            """;
        var result = Render(yaml);
        Assert.Empty(result.Errors);
        Assert.Equal(4, result.Applications.Count);
        Assert.All(result.Applications, app => Assert.Equal("{{replicas}}", Str(app, "spec.source.helm.parameters[0].value")));
        Assert.Equal(4, result.Warnings.Count);
        var prod = result.Warnings.Single(w => w.Cluster == "prod");
        Assert.Equal(("agent-prod", "spec.source.helm.parameters[0].value", "replicas"), (prod.ApplicationName, prod.FieldPath, prod.Key));
        var origin = prod.Node!.Origin!;
        Assert.Equal("\"{{replicas}}\"", yaml.Substring(origin.Start, origin.Length));
    }
}
