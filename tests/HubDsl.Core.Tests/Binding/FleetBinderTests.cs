using HubDsl.Core.Binding;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Tests.Binding;

/// <summary>
/// The fleet binder on plain DSL values, as the evaluator hands them over, without Roslyn or the generator.
/// </summary>
public sealed class FleetBinderTests
{
    private static DslScalar S(string text) => DslScalar.String(text);

    private static DslMap Map(params (string Key, DslValue Value)[] entries) =>
        new(entries.Select(e => new DslEntry(S(e.Key), e.Value)).ToEquatableArray());

    private static DslObject Cluster(params DslProperty[] properties) => new(DslNames.Cluster, properties.ToEquatableArray(), IsHelmValues: false);

    private static DslProperty P(string name, DslValue value) => new(name, null, value);

    private static DslMember Member(string name, DslValue value, string type = DslNames.Cluster) => new(name, type, value, null, null);

    private static FleetModel Bind(out IReadOnlyList<DeclarationError> errors, params DslMember[] members) =>
        FleetBinder.Bind("Acme.Fleet.Clusters", "argocd", members, out errors);

    [Fact]
    public void A_cluster_binds_its_name_server_labels_and_access()
    {
        var fleet = Bind(out var errors, Member("Prod", Cluster(
            P("Name", S("prod-eu")),
            P("Server", S("https://prod.example.com")),
            P("Labels", Map(("env", S("prod")), ("region", S("eu")), ("env", S("production")))),
            P("Project", S("platform")),
            P("Access", new DslEnum("HubDsl.SpokeAccess", "Namespaced", "Namespaced")),
            P("Namespaces", new DslList(new DslValue[] { S("apps"), S("web") }.ToEquatableArray())))));

        Assert.Empty(errors);
        Assert.Equal("Acme.Fleet.Clusters", fleet.ClassName);
        var cluster = Assert.Single(fleet.Clusters);
        Assert.Equal(("Prod", "prod-eu", "https://prod.example.com", "platform"), (cluster.MemberName, cluster.Name, cluster.Server, cluster.Project));
        // Later duplicates win and keep the declaration order of the rest.
        Assert.Equal(new[] { "region=eu", "env=production" }, cluster.Labels.Select(l => l.Key + "=" + l.Value));
        Assert.Equal("Namespaced", cluster.Access);
        Assert.Equal(new[] { "apps", "web" }, cluster.Namespaces);
        Assert.Equal("kube-system", cluster.SystemNamespace);
    }

    [Fact]
    public void Members_of_other_types_are_not_clusters()
    {
        var fleet = Bind(out var errors, Member("Region", S("eu"), type: "System.String"));
        Assert.Empty(errors);
        Assert.Empty(fleet.Clusters);
    }

    [Fact]
    public void An_empty_name_is_an_error_naming_the_member_and_the_cluster_is_left_out()
    {
        var fleet = Bind(out var errors,
            Member("Broken", Cluster(P("Name", S("")), P("Server", S("https://a.example.com")))),
            Member("Fine", Cluster(P("Name", S("fine")), P("Server", S("https://b.example.com")))));

        var error = Assert.Single(errors);
        Assert.Equal("Clusters.Broken: the cluster name must not be empty.", error.Message);
        Assert.Equal(new[] { "fine" }, fleet.Clusters.Select(c => c.Name));
    }

    [Fact]
    public void Namespaced_access_without_namespaces_says_how_to_fix_it()
    {
        Bind(out var errors, Member("Prod", Cluster(
            P("Name", S("prod")),
            P("Server", S("https://prod.example.com")),
            P("Access", new DslEnum("HubDsl.SpokeAccess", "Namespaced", "Namespaced")))));

        var error = Assert.Single(errors);
        Assert.StartsWith("Clusters.Prod: SpokeAccess.Namespaced needs the namespaces", error.Message);
        Assert.Contains("Namespaces = [", error.Message);
    }

    [Fact]
    public void A_template_parameter_in_a_label_is_refused_because_only_templates_are_filled_in()
    {
        var param = new DslCall(DslNames.Param, "Name", null, EquatableArray<DslValue>.Empty);
        var fleet = Bind(out var errors, Member("Prod", Cluster(
            P("Name", S("prod")),
            P("Server", S("https://prod.example.com")),
            P("Labels", Map(("owner", param))))));

        var error = Assert.Single(errors);
        Assert.Equal("Clusters.Prod: Labels value cannot use template parameters (Param.X): Argo CD fills them in only inside an ApplicationTemplate.", error.Message);
        Assert.Empty(fleet.Clusters);
    }

    [Fact]
    public void A_constant_interpolation_is_just_a_string()
    {
        var server = new DslInterpolation(new DslValue[] { S("https://"), S("eu"), S(".example.com") }.ToEquatableArray());
        var fleet = Bind(out var errors, Member("Eu", Cluster(P("Name", S("eu")), P("Server", server))));

        Assert.Empty(errors);
        Assert.Equal("https://eu.example.com", Assert.Single(fleet.Clusters).Server);
    }

    [Fact]
    public void A_value_that_is_not_a_cluster_is_an_error()
    {
        Bind(out var errors, Member("Prod", new DslScalar(ScalarKind.Int, "3")));
        Assert.Equal("Clusters.Prod: expected a new Cluster(name, server) { Labels = { ... } }.", Assert.Single(errors).Message);
    }
}
