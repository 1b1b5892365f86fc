using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;
using static HubDsl.Core.Tests.Rendering.Git.GitTestKit;
using static HubDsl.Core.Tests.Rendering.RenderingTestKit;

namespace HubDsl.Core.Tests.Rendering.Git;

/// <summary>
/// The Git generator inside matrix and merge, in both template modes. The matrix cases are Argo CD v3.5.1's
/// applicationset/generators/matrix_test.go tests that run the real Git generator over a mocked repo service
/// (named as in Go); the merge cases follow merge.go (merge keys looked up in each flattened or nested param set,
/// the override set copied over the base one, "error getting params from generator i of n").
/// </summary>
public sealed class ArgoGitInMatrixAndMergeTests
{
    private static string AppSet(string generators, bool goTemplate) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata: {name: set, namespace: argocd}
        spec:
          goTemplate: {{(goTemplate ? "true" : "false")}}
          generators:
        {{generators}}
          template:
            metadata: {name: app}
            spec:
              project: default
              destination: {server: https://kubernetes.default.svc, namespace: default}
        """;

    private static RenderResult Render(string appSet, MockRepos repos, IEnumerable<YamlMapping>? secrets = null) =>
        ApplicationSetRenderer.Render((YamlMapping)YamlReader.Parse(appSet, "appset.yaml"), secrets ?? Array.Empty<YamlMapping>(), new RenderOptions { GitRepositories = repos, IncludeInCluster = false });

    // TestGitGenerator_GenerateParams_list_x_git_matrix_generator: a nested files generator stays a files generator
    // (the regression where interpolation turned its nil directories into an empty list), and the list's params
    // are combined with the file's.
    [Fact]
    public void TestGitGenerator_GenerateParams_list_x_git_matrix_generator()
    {
        var repos = new MockRepos { Directories = { "some" }, AnyPattern = new() { ["some/path.json"] = "test: content" } };
        var result = Render(AppSet("""
              - matrix:
                  generators:
                    - list: {elements: [{some: value}]}
                    - git: {repoURL: 'https://git.example.com', revision: '', files: [{path: some/path.json}]}
            """, goTemplate: false), repos);
        Assert.Empty(GeneratorErrors(result));
        Assert.Equal(0, repos.DirectoryCalls);
        Assert.Equal(Expected("""{"path": "some", "path.basename": "some", "path.basenameNormalized": "some", "path.filename": "path.json", "path.filenameNormalized": "path.json", "path[0]": "some", "some": "value", "test": "content"}"""), Sets(result));
    }

    // TestGitGenerator_GenerateParams_list_x_git_matrix_generator_go_templates_values: the second generator's values
    // are rendered against its own output parameters.
    [Fact]
    public void TestGitGenerator_GenerateParams_list_x_git_matrix_generator_go_templates_values()
    {
        var repos = new MockRepos { AnyPattern = new() { ["some/path.json"] = "test: content" } };
        var result = Render(AppSet("""
              - matrix:
                  generators:
                    - list: {elements: [{some: value}]}
                    - git: {repoURL: 'https://git.example.com', revision: '', files: [{path: some/path.json}], values: {foo: '{{.path.basename}}'}}
            """, goTemplate: true), repos);
        Assert.Empty(GeneratorErrors(result));
        Assert.Equal(Expected("""{"path": {"basename": "some", "basenameNormalized": "some", "filename": "path.json", "filenameNormalized": "path.json", "path": "some", "segments": ["some"]}, "some": "value", "test": "content", "values": {"foo": "some"}}"""), Sets(result));
    }

    // TestGitGenerator_GenerateParams_list_x_git_matrix_generator_error_includes_repo: the repoURL is interpolated
    // from the first generator, and a file that does not parse names the file and that repository.
    [Fact]
    public void TestGitGenerator_GenerateParams_list_x_git_matrix_generator_error_includes_repo()
    {
        var repos = new MockRepos { FilesByPattern = { ["ste1/values.yaml"] = new() { ["ste1/values.yaml"] = "invalid: [" } } };
        var result = Render(AppSet("""
              - matrix:
                  generators:
                    - list: {elements: [{url: 'https://git.example.com/repo-a.git'}]}
                    - git: {repoURL: '{{url}}', revision: HEAD, files: [{path: ste1/values.yaml}]}
            """, goTemplate: false), repos);
        var error = Assert.Single(GeneratorErrors(result));
        Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, error.Reason);
        Assert.Contains("unable to process file 'ste1/values.yaml' from repository 'https://git.example.com/repo-a.git'", error.Message);
        Assert.StartsWith("failed to get params for second generator in the matrix generator: ", error.Message);
        Assert.Equal("spec.generators[0]", error.Generator);
    }

    // TestInterpolatedMatrixGenerate "happy flow - generate interpolated params": the cluster selector of the second
    // generator is rendered with each Git parameter set ({{path.basename}} picks the environment label).
    [Fact]
    public void TestInterpolatedMatrixGenerate_happy_flow_generate_interpolated_params()
    {
        var repos = new MockRepos
        {
            FilesByPattern =
            {
                ["examples/git-generator-files-discovery/cluster-config/dev/config.json"] = new() { ["examples/git-generator-files-discovery/cluster-config/dev/config.json"] = "{}" },
                ["examples/git-generator-files-discovery/cluster-config/prod/config.json"] = new() { ["examples/git-generator-files-discovery/cluster-config/prod/config.json"] = "{}" },
            },
        };
        var secrets = new[]
        {
            Secret("dev-01", "https://dev-01.example.com", Labels(("environment", "dev"))),
            Secret("prod-01", "https://prod-01.example.com", Labels(("environment", "prod"))),
        };
        var result = Render(AppSet("""
              - matrix:
                  generators:
                    - git:
                        repoURL: RepoURL
                        revision: Revision
                        files:
                          - path: examples/git-generator-files-discovery/cluster-config/dev/config.json
                          - path: examples/git-generator-files-discovery/cluster-config/prod/config.json
                    - clusters: {selector: {matchLabels: {environment: '{{path.basename}}'}}}
            """, goTemplate: false), repos, secrets);
        Assert.Empty(GeneratorErrors(result));
        // Argo CD's mock git generator returns only path, path.basename and path.basenameNormalized, with the file's
        // path as "path"; the real generator (git.go generateParamsFromGitFile) gives the folder and the rest.
        string Set(string env) => $$"""
            {"path": "examples/git-generator-files-discovery/cluster-config/{{env}}", "path.basename": "{{env}}", "path.basenameNormalized": "{{env}}",
             "path.filename": "config.json", "path.filenameNormalized": "config.json",
             "path[0]": "examples", "path[1]": "git-generator-files-discovery", "path[2]": "cluster-config", "path[3]": "{{env}}",
             "name": "{{env}}-01", "nameNormalized": "{{env}}-01", "server": "https://{{env}}-01.example.com", "project": "",
             "metadata.labels.environment": "{{env}}", "metadata.labels.argocd.argoproj.io/secret-type": "cluster"}
            """;
        Assert.Equal(Expected(Set("dev"), Set("prod")), Sets(result));
    }

    // merge.go: in fasttemplate mode the merge key is a flattened parameter name ("path.basename"), and the
    // override set's keys are copied over the base set (maps.Copy); sets without a match are kept as they are.
    [Fact]
    public void Merge_overrides_git_directory_sets_by_a_flattened_key()
    {
        var repos = new MockRepos { Directories = { "apps", "apps/guestbook", "apps/shop" } };
        var result = Render(AppSet("""
              - merge:
                  mergeKeys: [path.basename]
                  generators:
                    - git: {repoURL: RepoURL, revision: Revision, directories: [{path: 'apps/*'}], values: {namespace: apps}}
                    - list: {elements: [{path.basename: guestbook, values.namespace: guestbook-ui}]}
            """, goTemplate: false), repos);
        Assert.Empty(GeneratorErrors(result));
        Assert.Equal(
            Expected(
                """{"path": "apps/guestbook", "path.basename": "guestbook", "path.basenameNormalized": "guestbook", "path[0]": "apps", "path[1]": "guestbook", "values.namespace": "guestbook-ui"}""",
                """{"path": "apps/shop", "path.basename": "shop", "path.basenameNormalized": "shop", "path[0]": "apps", "path[1]": "shop", "values.namespace": "apps"}""").OrderBy(s => s, StringComparer.Ordinal),
            Sets(result).OrderBy(s => s, StringComparer.Ordinal));
    }

    // merge.go: in goTemplate mode the merge key is a top-level key and mergo.Merge(WithOverride) merges nested
    // maps, so the override's cluster.tier replaces the file's and the rest of the file's cluster map stays.
    [Fact]
    public void Merge_overrides_nested_git_file_params_in_go_template_mode()
    {
        var repos = new MockRepos
        {
            AnyPattern = new()
            {
                ["clusters/dev/config.json"] = """{"env": "dev", "cluster": {"name": "dev", "tier": "bronze"}}""",
                ["clusters/prod/config.json"] = """{"env": "prod", "cluster": {"name": "prod", "tier": "silver"}}""",
            },
        };
        var result = Render(AppSet("""
              - merge:
                  mergeKeys: [env]
                  generators:
                    - git: {repoURL: RepoURL, revision: Revision, files: [{path: 'clusters/*/config.json'}]}
                    - list: {elements: [{env: prod, cluster: {tier: gold}}]}
            """, goTemplate: true), repos);
        Assert.Empty(GeneratorErrors(result));
        var tiers = result.ParamSets.ToDictionary(p => (string)p["env"]!, p => Canonical(p["cluster"]));
        Assert.Equal("""{"name":"dev","tier":"bronze"}""", tiers["dev"]);
        Assert.Equal("""{"name":"prod","tier":"gold"}""", tiers["prod"]);
    }

    // merge.go getParamSetsForAllGenerators: a child's error is wrapped with its position among the children.
    [Fact]
    public void A_git_error_inside_merge_names_the_child_generator()
    {
        var repos = new MockRepos { Error = "boom" };
        var result = Render(AppSet("""
              - list: {elements: [{a: b}]}
              - merge:
                  mergeKeys: [a]
                  generators:
                    - list: {elements: [{a: b}]}
                    - git: {repoURL: RepoURL, revision: Revision, directories: [{path: '*'}]}
            """, goTemplate: false), repos);
        var error = Assert.Single(GeneratorErrors(result));
        Assert.Equal("error getting param sets from generators: error getting params from generator 2 of 2: child generator returned an error on parameter generation: error generating params from git: error getting directories from repo: boom", error.Message);
        Assert.Equal("spec.generators[1]", error.Generator);
    }
}
