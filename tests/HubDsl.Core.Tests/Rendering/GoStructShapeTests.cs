using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>
/// The template is rendered as Argo CD holds it: json.Unmarshal into its Go types has dropped unknown fields, and
/// RenderTemplateParams (applicationset/utils/utils.go) walks the struct's fields in declaration order, returning the
/// first error (pkg/apis/application/v1alpha1/types.go ApplicationSpec: Source, Destination, Project, ...).
/// </summary>
public sealed class GoStructShapeTests
{
    private const string Header = """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: shape
        spec:
          goTemplate: true
          goTemplateOptions: ["missingkey=error"]
          generators:
          - list:
              elements:
              - name: one
          template:
            metadata:
              name: '{{ .name }}'
        """;

    [Fact]
    public void A_template_in_an_unknown_field_is_never_rendered()
    {
        var result = Render(Header + """

                spec:
                  project: default
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: '{{ .name }}'
                  sourcee:
                    repoURL: '{{ .missing }}'
                  source:
                    repoURL: https://example.com/repo.git
                    helmm: '{{ .missing }}'
            """);

        Assert.Empty(result.Errors);
        var spec = (YamlMapping)result.Applications.Single()["spec"]!;
        Assert.Null(spec["sourcee"]);
        Assert.Null(((YamlMapping)spec["source"]!)["helmm"]);
        Assert.Equal("one", ((YamlMapping)spec["destination"]!)["namespace"]!.AsString());
    }

    [Fact]
    public void The_first_error_is_the_first_in_go_field_order()
    {
        // Written project first, source second: Argo CD's walk meets Source before Project.
        var result = Render(Header + """

                spec:
                  project: '{{ fail "project first in the YAML" }}'
                  destination:
                    server: https://kubernetes.default.svc
                  source:
                    repoURL: '{{ fail "source first in Go" }}'
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.RenderTemplateParamsError, error.Reason);
        Assert.Contains("source first in Go", error.Message);
    }

    [Fact]
    public void Rendered_applications_keep_go_field_order_and_map_order()
    {
        var result = Render(Header + """

                spec:
                  syncPolicy:
                    syncOptions: [CreateNamespace=true]
                  project: default
                  destination:
                    namespace: app
                    server: https://kubernetes.default.svc
                  source:
                    helm:
                      valuesObject:
                        zeta: 1
                        alpha: 2
                    targetRevision: HEAD
                    repoURL: https://example.com/repo.git
            """);

        Assert.Empty(result.Errors);
        var spec = (YamlMapping)result.Applications.Single()["spec"]!;
        Assert.Equal(new[] { "source", "destination", "project", "syncPolicy" }, spec.Keys);
        var source = (YamlMapping)spec["source"]!;
        Assert.Equal(new[] { "repoURL", "targetRevision", "helm" }, source.Keys);
        Assert.Equal(new[] { "server", "namespace" }, ((YamlMapping)spec["destination"]!).Keys);
        // helm.valuesObject is raw JSON in Argo CD: its own order, nothing pruned.
        Assert.Equal(new[] { "zeta", "alpha" }, ((YamlMapping)((YamlMapping)source["helm"]!)["valuesObject"]!).Keys);
    }

    [Fact]
    public void A_templatePatch_cannot_add_an_unknown_field()
    {
        // template.go renderTemplatePatch: the patched JSON is unmarshalled into an Application again.
        var result = Render(Header.Replace("  template:", "  templatePatch: |\n    spec:\n      notAField: x\n      revisionHistoryLimit: 2\n  template:") + """

                spec:
                  project: default
                  destination:
                    server: https://kubernetes.default.svc
            """);

        Assert.Empty(result.Errors);
        var spec = (YamlMapping)result.Applications.Single()["spec"]!;
        Assert.Null(spec["notAField"]);
        Assert.Equal("2", spec["revisionHistoryLimit"]!.ToString());
    }
}
