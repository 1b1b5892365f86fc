using System.Reflection;
using HubDsl.Core.Model;
using HubDsl.Core.Rendering;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>
/// The table of Cluster generator parameters: it agrees with the DSL's <c>Param</c> and <c>TemplateParamKind</c>
/// (which cannot reference Core), and every form it writes is read back by the generator it describes.
/// </summary>
public sealed class ClusterParameterTests
{
    // A key for the keyed parameters, by kind.
    private static string? KeyFor(ClusterParameter parameter) => parameter.Kind switch
    {
        ParamKind.Label => "env",
        ParamKind.Annotation => "team",
        ParamKind.Value => "revision",
        _ => null,
    };

    public static TheoryData<ParamKind> Kinds()
    {
        var data = new TheoryData<ParamKind>();
        foreach (var parameter in ClusterParameter.All) data.Add(parameter.Kind);
        return data;
    }

    [Fact]
    public void The_table_has_one_row_per_kind_in_kind_order()
    {
        Assert.Equal(Enum.GetValues<ParamKind>(), ClusterParameter.All.Select(p => p.Kind));
        Assert.All(ClusterParameter.All, p => Assert.Same(p, ClusterParameter.Of(p.Kind)));
    }

    [Fact]
    public void The_DSL_TemplateParamKind_has_the_same_names_in_the_same_order()
    {
        Assert.Equal(Enum.GetNames<ParamKind>(), Enum.GetNames<HubDsl.TemplateParamKind>());
        Assert.Equal(Enum.GetValues<ParamKind>().Select(k => (int)k), Enum.GetValues<HubDsl.TemplateParamKind>().Select(k => (int)k));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_row_is_the_DSL_Param_member_of_its_kind_and_its_fasttemplate_form_is_the_DSL_display_form(ParamKind kind)
    {
        var parameter = ClusterParameter.Of(kind);
        var key = KeyFor(parameter);
        var dsl = DslParam(parameter.DslMember, key);

        Assert.Equal(kind.ToString(), dsl.Kind.ToString());
        Assert.Equal(key, dsl.Key);
        Assert.Equal(parameter.InFastTemplate(key), dsl.ToString());
        Assert.Same(parameter, ClusterParameter.ForDslMember(parameter.DslMember));
    }

    [Fact]
    public void Every_DSL_Param_member_is_a_row()
    {
        var members = typeof(HubDsl.Param).GetMembers(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m is PropertyInfo || (m is MethodInfo method && !method.IsSpecialName))
            .Select(m => m.Name)
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(ClusterParameter.All.Select(p => p.DslMember).OrderBy(n => n, StringComparer.Ordinal), members);
        Assert.Null(ClusterParameter.ForDslMember("Namespace"));
    }

    [Theory]
    [InlineData(ParamKind.Name, null, "{{name}}", "{{ .name }}")]
    [InlineData(ParamKind.NameNormalized, null, "{{nameNormalized}}", "{{ .nameNormalized }}")]
    [InlineData(ParamKind.Server, null, "{{server}}", "{{ .server }}")]
    [InlineData(ParamKind.Project, null, "{{project}}", "{{ .project }}")]
    [InlineData(ParamKind.Label, "env", "{{metadata.labels.env}}", "{{ index .metadata.labels \"env\" }}")]
    [InlineData(ParamKind.Label, "topology.kubernetes.io/region", "{{metadata.labels.topology.kubernetes.io/region}}", "{{ index .metadata.labels \"topology.kubernetes.io/region\" }}")]
    [InlineData(ParamKind.Annotation, "team", "{{metadata.annotations.team}}", "{{ index .metadata.annotations \"team\" }}")]
    [InlineData(ParamKind.Value, "revision", "{{values.revision}}", "{{ .values.revision }}")]
    [InlineData(ParamKind.Value, "chart-revision", "{{values.chart-revision}}", "{{ index .values \"chart-revision\" }}")]
    public void Each_mode_writes_the_parameter_in_its_own_syntax(ParamKind kind, string? key, string fastTemplate, string goTemplate)
    {
        Assert.Equal(fastTemplate, TemplateMode.FastTemplate.Render(kind, key));
        Assert.Equal(goTemplate, new TemplateMode(GoTemplate: true, MissingKey: null).Render(kind, key));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_generator_produces_every_parameter_of_the_table_in_the_form_the_table_writes(bool goTemplate)
    {
        var mode = new TemplateMode(goTemplate, goTemplate ? "error" : null);
        var labels = string.Concat(ClusterParameter.All.Select(p => "\n        p" + (int)p.Kind + ": '" + mode.Render(p.Kind, KeyFor(p)) + "'"));
        var appSet = "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: demo\n  namespace: argocd\nspec:\n"
            + (goTemplate ? "  goTemplate: true\n  goTemplateOptions: [missingkey=error]\n" : string.Empty)
            + "  generators:\n  - clusters:\n      selector:\n        matchLabels:\n          env: prod\n      values:\n        revision: main\n"
            + "  template:\n    metadata:\n      name: demo-prod\n      labels:" + labels + "\n    spec:\n      project: default\n      destination:\n        server: https://prod.example.com\n        namespace: demo\n";
        var secret = Secret("Prod_1", "https://prod.example.com/", Labels(("env", "prod")), new Dictionary<string, string> { ["team"] = "payments" }, project: "team-a");

        var result = Render(appSet, new[] { secret });

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        var expected = new Dictionary<ParamKind, string>
        {
            [ParamKind.Name] = "Prod_1",
            [ParamKind.NameNormalized] = "prod-1",
            [ParamKind.Server] = "https://prod.example.com/",
            [ParamKind.Project] = "team-a",
            [ParamKind.Label] = "prod",
            [ParamKind.Annotation] = "payments",
            [ParamKind.Value] = "main",
        };
        var app = Assert.Single(result.Applications);
        Assert.All(ClusterParameter.All, p => Assert.Equal(expected[p.Kind], Str(app, "metadata.labels.p" + (int)p.Kind)));
    }

    private static HubDsl.TemplateParam DslParam(string member, string? key)
    {
        var type = typeof(HubDsl.Param);
        var value = key is null
            ? type.GetProperty(member, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            : type.GetMethod(member, BindingFlags.Public | BindingFlags.Static, new[] { typeof(string) })?.Invoke(null, new object[] { key });
        return Assert.IsType<HubDsl.TemplateParam>(value);
    }
}
