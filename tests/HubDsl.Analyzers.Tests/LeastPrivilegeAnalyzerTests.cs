namespace HubDsl.Analyzers.Tests;

using Verify = AnalyzerVerifier<ClusterAnalyzer>;

/// <summary>HUB022: a LeastPrivilege cluster whose access does not cover what Argo CD will do there.</summary>
public sealed class LeastPrivilegeAnalyzerTests
{
    private const string Hub = """

        [HubDsl.Hub] public static class Hub { public static readonly HubDsl.HubInstall Install = new("argocd"); }
        """;

    private static string Make(string access = "{|#0:SpokeAccess.LeastPrivilege|}", string deploys = "public static readonly DeployedResources Deploys = new(ApiResource.Deployments);", string ns = "\"app\"", string hub = "") =>
        Sources.Make(
            clusters: """
                    public static readonly Cluster Staging = new("staging", "https://staging.example.com") { Labels = { ["env"] = "staging", ["deploy"] = "true" } };
                    public static readonly Cluster Prod = new("prod", "https://prod.example.com") { Labels = { ["env"] = "prod", ["deploy"] = "true" }, Access = ACCESS };
                """.Replace("ACCESS", access),
            values: Sources.DefaultValues + "\n    " + deploys).Replace("Destination = new(Param.Server, \"app\")", "Destination = new(Param.Server, " + ns + ")")
        + hub;

    [Fact]
    public Task HUB022_least_privilege_without_a_hub_declaration_to_match() => Verify.VerifyAsync(
        Make(),
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("HUB022", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
            "Clusters.Prod: LeastPrivilege lets Argo CD read only what the fleet deploys on cluster 'prod', but no [Hub] declaration for namespace 'argocd' in this project tells Argo CD to watch only that (resource.inclusions); it would list every kind there, be refused, and fail to sync the cluster. Declare a [Hub] class with a HubInstall (its hub/argo-cd-values.yaml then carries configs.cm.\"resource.inclusions\"), or set resource.inclusions in argocd-cm yourself as the DSL reference shows."));

    [Fact]
    public Task HUB022_a_hub_for_another_namespace_does_not_count() => Verify.VerifyAsync(
        Make(hub: Hub.Replace("new(\"argocd\")", "new(\"gitops\")")),
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("HUB022", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
            "Clusters.Prod: LeastPrivilege lets Argo CD read only what the fleet deploys on cluster 'prod', but no [Hub] declaration for namespace 'argocd' in this project tells Argo CD to watch only that (resource.inclusions); it would list every kind there, be refused, and fail to sync the cluster. Declare a [Hub] class with a HubInstall (its hub/argo-cd-values.yaml then carries configs.cm.\"resource.inclusions\"), or set resource.inclusions in argocd-cm yourself as the DSL reference shows."));

    [Fact]
    public Task HUB022_an_ApplicationSet_that_declares_nothing_it_deploys() => Verify.VerifyAsync(
        Make(access: "SpokeAccess.LeastPrivilege", deploys: string.Empty, hub: Hub).Replace("public static class App", "public static class {|#0:App|}"),
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("HUB022", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
            "App targets LeastPrivilege cluster 'prod' but declares no DeployedResources, so the hub may write nothing there; declare what its chart creates, e.g. public static readonly DeployedResources Deploys = new(ApiResource.Deployments);."));

    [Fact]
    public Task HUB022_a_custom_resource_without_its_kind() => Verify.VerifyAsync(
        Make(access: "SpokeAccess.LeastPrivilege", deploys: "public static readonly DeployedResources Deploys = new(ApiResource.Deployments, {|#0:new ApiResource(\"monitoring.coreos.com\", \"servicemonitors\")|});", hub: Hub),
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("HUB022", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
            "App targets LeastPrivilege cluster 'prod' but deploys monitoring.coreos.com/servicemonitors, whose kind HubDsl does not know (a custom resource): give its Kind (Argo CD's resource.inclusions match kinds), e.g. new ApiResource(\"monitoring.coreos.com\", \"servicemonitors\") { Kind = \"...\" }, and ClusterScoped = true if it is cluster-scoped."));

    [Fact]
    public Task HUB022_a_template_without_a_destination_namespace() => Verify.VerifyAsync(
        Make(access: "SpokeAccess.LeastPrivilege", ns: "\"\"", hub: Hub).Replace("Destination = new(Param.Server, \"\")", "Destination = new(Param.Server, {|#0:\"\"|})"),
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("HUB022", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
            "App targets LeastPrivilege cluster 'prod' but has no destination namespace, so there is no namespace to grant access in; set Destination = new(server, \"<namespace>\")."));

    [Fact]
    public Task A_matching_hub_declared_resources_and_ClusterAdmin_are_silent() => Task.WhenAll(
        Verify.VerifyAsync(Make(access: "SpokeAccess.LeastPrivilege", hub: Hub)),
        Verify.VerifyAsync(Make(access: "SpokeAccess.LeastPrivilege", deploys: "public static readonly DeployedResources Deploys = new(ApiResource.Deployments, new ApiResource(\"monitoring.coreos.com\", \"servicemonitors\") { Kind = \"ServiceMonitor\" }, new ApiResource(\"policy\", \"poddisruptionbudgets\"));", hub: Hub)),
        Verify.VerifyAsync(Make(access: "SpokeAccess.ClusterAdmin", deploys: string.Empty)),
        Verify.VerifyAsync(Make(access: "SpokeAccess.Namespaced", deploys: string.Empty).Replace("Access = SpokeAccess.Namespaced", "Access = SpokeAccess.Namespaced, Namespaces = [\"app\"]")));
}
