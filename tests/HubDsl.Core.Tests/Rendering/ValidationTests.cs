using HubDsl.Core.Rendering;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering;

/// <summary>
/// Post-render validation (applicationset_controller.go validateGeneratedApplications, util/argo/argo.go
/// GetDestinationServer; Application names are RFC 1123 subdomains, as the API server requires).
/// </summary>
public sealed class ValidationTests
{
    private static string AppSet(string name, string destination = "server: '{{server}}'", string generator = "clusters: {selector: {matchLabels: {deploy: 'true'}}}") => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: fleet
          namespace: argocd
        spec:
          generators:
            - {{generator}}
          template:
            metadata:
              name: {{name}}
            spec:
              project: default
              destination:
                {{destination}}
                namespace: agent
        """;

    [Fact]
    public void Duplicate_names_skip_every_copy_and_keep_the_other_applications()
    {
        // validateGeneratedApplications: duplicates are keyed by name, so all copies are skipped; other Applications are applied.
        var result = Render(AppSet("'{{metadata.labels.deploy}}-{{name}}'".Replace("{{name}}", "x"), generator: "clusters: {}"));
        // staging, prod and dr all render "true-x"; in-cluster renders "{{metadata.labels.deploy}}-x" (invalid name).
        Assert.Empty(result.Applications);
        Assert.Contains(result.Errors, e => e.Message == "ApplicationSet fleet contains applications with duplicate name: true-x");
        Assert.All(result.Errors, e => Assert.Equal(RenderErrorReasons.ApplicationValidationError, e.Reason));
        Assert.False(result.IsBlocked);

        var mixed = Render(AppSet("'{{metadata.labels.deploy}}-app'", generator: "clusters: {}"), ScenarioSecrets().Take(2).Append(Secret("solo", "https://solo.example.com", Labels(("deploy", "false")))));
        Assert.Equal(new[] { "false-app" }, Names(mixed));
        Assert.Equal("true-app", Assert.Single(mixed.Errors, e => e.ApplicationName == "true-app").ApplicationName);
    }

    [Theory]
    [InlineData("gke_project_zone_Prod", "'{{name}}'")]
    [InlineData("arn:aws:eks:us-east-1:123:cluster/prod", "'{{name}}'")]
    [InlineData("prod", "'{{server}}'")]
    public void Names_that_are_not_lowercase_rfc1123_subdomains_are_rejected(string clusterName, string nameTemplate)
    {
        // Typical failures with raw {{name}} (GKE, EKS ARNs) or {{server}} (Argo CD issues applicationset#189, #166, argo-cd#23155).
        var secrets = new[] { Secret(clusterName, "https://c.example.com", Labels(("deploy", "true"))) };
        var result = Render(AppSet(nameTemplate), secrets);
        Assert.Empty(result.Applications);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderErrorReasons.ApplicationValidationError, error.Reason);
        Assert.Contains("a lowercase RFC 1123 subdomain must consist of", error.Message);
    }

    [Fact]
    public void Name_normalized_fixes_typical_cluster_names()
    {
        var secrets = new[] { Secret("arn:aws:eks:us-east-1:123:cluster/prod", "https://c.example.com", Labels(("deploy", "true"))) };
        var result = Render(AppSet("'{{nameNormalized}}'"), secrets);
        Assert.Equal(new[] { "arn-aws-eks-us-east-1-123-cluster-prod" }, Names(result));
    }

    [Fact]
    public void Normalize_can_produce_an_invalid_name_which_is_still_rejected()
    {
        // template_functions.go SanitizeName: "a..b" stays "a..b"; "___" becomes "".
        var secrets = new[]
        {
            Secret("a..b", "https://a.example.com", Labels(("deploy", "true"))),
            Secret("___", "https://b.example.com", Labels(("deploy", "true"))),
        };
        var result = Render(AppSet("'{{nameNormalized}}'"), secrets);
        Assert.Empty(result.Applications);
        Assert.Contains(result.Errors, e => e.Message.StartsWith("Application.argoproj.io \"a..b\" is invalid", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message == "ApplicationSet fleet contains an application with no name; a name must be set in the template's metadata.name or via a templatePatch (generateName is not supported)");
    }

    [Fact]
    public void Destination_with_both_name_and_server_is_an_error()
    {
        // argo.go GetDestinationServer: "can't have both name and server defined".
        var result = Render(AppSet("'{{name}}'", "server: '{{server}}'\n        name: '{{name}}'"));
        Assert.Empty(result.Applications);
        Assert.Equal(3, result.Errors.Count);
        Assert.Equal("application destination spec is invalid: application destination can't have both name and server defined: dr https://dr.example.com", result.Errors[0].Message);
        Assert.Equal("dr", result.Errors[0].ApplicationName);
    }

    [Fact]
    public void Destination_name_must_match_exactly_one_cluster()
    {
        // validateGeneratedApplications (GetDestinationCluster): destination.name resolves through the hub's cluster list (util/db GetClusterServersByName).
        var secrets = ScenarioSecrets().Append(Secret("prod", "https://prod-2.example.com", Labels(("env", "prod")), secretName: "prod-copy")).ToList();
        var result = Render(AppSet("'{{name}}-app'", "name: '{{name}}'"), secrets);
        Assert.Equal(new[] { "dr-app", "staging-app" }, Names(result));
        var error = Assert.Single(result.Errors);
        Assert.Equal("prod-app", error.ApplicationName);
        Assert.Equal("application destination spec is invalid: there are 2 clusters with the same name: [https://prod.example.com https://prod-2.example.com]", error.Message);

        var none = Render(AppSet("'{{name}}-app'", "name: 'ghost-{{name}}'"));
        Assert.Equal(3, none.Errors.Count);
        Assert.Contains(none.Errors, e => e.Message == "application destination spec is invalid: there are no clusters with this name: ghost-prod");
    }

    [Fact]
    public void Destination_name_in_cluster_resolves_to_the_local_cluster()
    {
        var result = Render(AppSet("'{{name}}-local'", "name: in-cluster"));
        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Applications.Count);
    }

    [Fact]
    public void Destination_server_must_be_a_known_cluster_and_is_compared_without_trailing_slash()
    {
        var result = Render(AppSet("'{{name}}'", "server: 'https://{{name}}.example.com/'"));
        Assert.Empty(result.Errors);
        var unknown = Render(AppSet("'{{name}}'", "server: 'https://{{name}}.other.com'"));
        Assert.Empty(unknown.Applications);
        Assert.Contains(unknown.Errors, e => e.Message == "application destination spec is invalid: error getting cluster by server \"https://prod.other.com\": rpc error: code = NotFound desc = cluster \"https://prod.other.com\" not found");
    }

    [Fact]
    public void Missing_destination_is_an_error()
    {
        var result = Render(AppSet("'{{name}}'", "# no server"));
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("application destination spec is invalid: Destination server missing from app spec", e.Message));
    }

    [Fact]
    public void Unknown_projects_fail_validation_when_the_hubs_projects_are_given()
    {
        // validateGeneratedApplications: "application references project ... which does not exist" (checked only when RenderOptions.Projects is set).
        Assert.Empty(Render(AppSet("'{{name}}'"), new RenderOptions { Projects = new[] { "default" } }).Errors);
        var result = Render(AppSet("'{{name}}'"), new RenderOptions { Projects = new[] { "team-a" } });
        Assert.Empty(result.Applications);
        Assert.All(result.Errors, e => Assert.Equal("application references project default which does not exist", e.Message));
        Assert.Equal(3, Render(AppSet("'{{name}}'")).Applications.Count);
    }
}
