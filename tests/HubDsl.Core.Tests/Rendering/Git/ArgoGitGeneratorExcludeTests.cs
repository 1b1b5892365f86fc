using HubDsl.Core.Rendering;
using static HubDsl.Core.Tests.Rendering.Git.GitTestKit;

namespace HubDsl.Core.Tests.Rendering.Git;

/// <summary>
/// Argo CD v3.5.1's Git files generator exclude tests and its project lookup test (applicationset/generators/
/// git_test.go): the mock answers each include or exclude pattern with fixed files, as the Go tests' mocks do,
/// so these check the set arithmetic (union of includes, minus every exclude); the globbing engines themselves
/// are checked against git and doublestar in <see cref="GitRepoServerTests"/>.
/// </summary>
public sealed class ArgoGitGeneratorExcludeTests
{
    private const string Production = """
        {
           "cluster": {"owner": "john.doe@example.com", "name": "production", "address": "https://kubernetes.default.svc"},
           "key1": "val1",
           "key2": {"key2_1": "val2_1", "key2_2": {"key2_2_1": "val2_2_1"}},
           "key3": 123
        }
        """;

    // The Go test's file, tab-indented as there.
    private const string P1Inner = "{\n\t\t\t\t\t\"cluster\": {\n\t\t\t\t\t\"owner\": \"john.doe@example.com\",\n\t\t\t\t\t\"name\": \"production\",\n\t\t\t\t\t\"address\": \"https://kubernetes.default.svc\",\n\t\t\t\t\t\"inner\": {\n\t\t\t\t\t\t\"one\" : \"two\"\n\t\t\t\t\t}\n\t\t\t\t}\n}";

    private const string P1Database = "{\n\t\t\t\t  \"database\": {\n\t\t\t\t    \"admin\": \"db.admin@example.com\",\n\t\t\t\t    \"name\": \"user-data\",\n\t\t\t\t    \"host\": \"db.internal.local\",\n\t\t\t\t    \"settings\": {\n\t\t\t\t      \"replicas\": 3,\n\t\t\t\t      \"backup\": \"daily\"\n\t\t\t\t    }\n\t\t\t\t  }\n\t\t\t\t}\n";

    private const string ProductionFlat = """
        {"cluster.owner": "john.doe@example.com", "cluster.name": "production", "cluster.address": "https://kubernetes.default.svc",
         "key1": "val1", "key2.key2_1": "val2_1", "key2.key2_2.key2_2_1": "val2_2_1", "key3": "123",
         "path": "cluster-config/production", "path.basename": "production", "path[0]": "cluster-config", "path[1]": "production",
         "path.basenameNormalized": "production", "path.filename": "config.json", "path.filenameNormalized": "config.json"}
        """;

    private const string P1Flat = """
        {"cluster.owner": "john.doe@example.com", "cluster.name": "production", "cluster.address": "https://kubernetes.default.svc", "cluster.inner.one": "two",
         "path": "p1", "path.basename": "p1", "path[0]": "p1", "path.basenameNormalized": "p1", "path.filename": "config.json", "path.filenameNormalized": "config.json"}
        """;

    private const string EngineeringProd = """
        {"cluster.owner": "john.doe@example.com", "cluster.name": "production", "cluster.address": "https://kubernetes.default.svc",
         "path": "cluster-config/engineering/prod", "path.basename": "prod", "path[0]": "cluster-config", "path[1]": "engineering", "path[2]": "prod",
         "path.basenameNormalized": "prod", "path.filename": "config.json", "path.filenameNormalized": "config.json"}
        """;

    private const string SomePath = """
        {"cluster.owner": "john.doe@example.com", "cluster.name": "production", "cluster.address": "https://kubernetes.default.svc",
         "path": "some-path", "path.basename": "some-path", "path[0]": "some-path", "path.basenameNormalized": "some-path", "path.filename": "values.yaml", "path.filenameNormalized": "values.yaml"}
        """;

    private const string SomePathStaging = """
        {"cluster.owner": "foo.bar@example.com", "cluster.name": "staging", "cluster.address": "https://kubernetes.default.svc",
         "path": "some-path/staging", "path.basename": "staging", "path[0]": "some-path", "path[1]": "staging", "path.basenameNormalized": "staging", "path.filename": "values.yaml", "path.filenameNormalized": "values.yaml"}
        """;

    private const string ProdYaml = "\ncluster:\n  owner: john.doe@example.com\n  name: production\n  address: https://kubernetes.default.svc\n";
    private const string StagingYaml = "\ncluster:\n  owner: foo.bar@example.com\n  name: staging\n  address: https://kubernetes.default.svc\n";

    private static string Chart(string chart, string env) =>
        $$"""{"env": "{{env}}", "path": "cluster-charts/cluster1/{{chart}}", "path.filenameNormalized": "values.yaml", "path[0]": "cluster-charts", "path[1]": "cluster1", "path[2]": "{{chart}}", "path.basename": "{{chart}}", "path.filename": "values.yaml", "path.basenameNormalized": "{{chart}}"}""";

    private sealed record ExcludeCase(string Files, Dictionary<string, Dictionary<string, string>> ByPattern, string[] Expected);

    private static Dictionary<string, ExcludeCase> Cases(bool oldGlobbing)
    {
        var cases = new Dictionary<string, ExcludeCase>
        {
            ["filter files according to file-path with exclude"] = new(
                "[{path: '**/config.json'}, {path: 'p1/**/config.json', exclude: true}]",
                new()
                {
                    ["**/config.json"] = new() { ["cluster-config/production/config.json"] = Production, ["p1/config.json"] = P1Database, ["p1/p2/config.json"] = "" },
                    ["p1/**/config.json"] = new() { ["p1/config.json"] = P1Database, ["p1/p2/config.json"] = "" },
                },
                new[] { ProductionFlat }),
            ["filter files according to multiple file-paths with exclude"] = new(
                "[{path: '**/config.json'}, {path: 'p1/app2/config.json', exclude: true}, {path: 'p1/app3/config.json', exclude: true}]",
                new()
                {
                    ["**/config.json"] = new() { ["p1/config.json"] = P1Inner, ["p1/app2/config.json"] = "{}", ["p1/app3/config.json"] = "{}" },
                    ["p1/app2/config.json"] = new() { ["p1/app2/config.json"] = "{}", ["p1/app3/config.json"] = "{}" },
                    ["p1/app3/config.json"] = new() { ["p1/app2/config.json"] = "{}", ["p1/app3/config.json"] = "{}" },
                },
                new[] { P1Flat }),
            ["docs example test case to filter files according to multiple file-paths with exclude"] = new(
                "[{path: 'cluster-config/**/config.json'}, {path: 'cluster-config/*/dev/config.json', exclude: true}]",
                new()
                {
                    ["cluster-config/**/config.json"] = new() { ["cluster-config/engineering/prod/config.json"] = ProdYaml, ["cluster-config/engineering/dev/config.json"] = StagingYaml },
                    ["cluster-config/*/dev/config.json"] = new() { ["cluster-config/engineering/dev/config.json"] = StagingYaml },
                },
                new[] { EngineeringProd }),
        };

        if (!oldGlobbing)
        {
            cases["testcase to verify new globbing pattern without any exclude"] = new(
                "[{path: 'some-path/*.yaml'}]",
                new() { ["some-path/*.yaml"] = new() { ["some-path/values.yaml"] = ProdYaml } },
                new[] { SomePath });
            cases["test to verify the solution for Git File Generator Problem"] = new(
                "[{path: 'cluster-charts/*/*/values.yaml'}, {path: 'cluster-charts/*/values.yaml', exclude: true}]",
                new()
                {
                    ["cluster-charts/*/*/values.yaml"] = new() { ["cluster-charts/cluster1/mychart/values.yaml"] = "\nenv: staging\n", ["cluster-charts/cluster1/myotherchart/values.yaml"] = "\nenv: prod\n" },
                    ["cluster-charts/*/values.yaml"] = new() { ["cluster-charts/cluster2/values.yaml"] = "\nenv: dev\n" },
                },
                new[] { Chart("mychart", "staging"), Chart("myotherchart", "prod") });
        }
        else
        {
            // The old (git ls-files) globbing lets '*' cross '/': the mocks return what git returns.
            cases["testcase to verify new globbing pattern without any exclude"] = new(
                "[{path: 'some-path/*.yaml'}]",
                new() { ["some-path/*.yaml"] = new() { ["some-path/values.yaml"] = ProdYaml, ["some-path/staging/values.yaml"] = StagingYaml } },
                new[] { SomePath, SomePathStaging });
            cases["test to verify the solution for Git File Generator Problem"] = new(
                "[{path: 'cluster-charts/*/*/values.yaml'}, {path: 'cluster-charts/*/values.yaml', exclude: true}]",
                new()
                {
                    ["cluster-charts/*/*/values.yaml"] = new() { ["cluster-charts/cluster1/mychart/values.yaml"] = "\nenv: staging\n", ["cluster-charts/cluster1/myotherchart/values.yaml"] = "\nenv: prod\n", ["cluster-charts/cluster1/mychart/charts/mysubchart/values.yaml"] = "" },
                    ["cluster-charts/*/values.yaml"] = new()
                    {
                        ["cluster-charts/cluster2/values.yaml"] = "\nenv: dev\n", ["cluster-charts/cluster1/mychart/values.yaml"] = "\nenv: staging\n",
                        ["cluster-charts/cluster1/myotherchart/values.yaml"] = "\nenv: prod\n", ["cluster-charts/cluster1/mychart/charts/mysubchart/values.yaml"] = "",
                    },
                },
                Array.Empty<string>());
        }

        return cases;
    }

    public static TheoryData<string> NewGlobbingNames() => new(Cases(oldGlobbing: false).Keys);

    public static TheoryData<string> OldGlobbingNames() => new(Cases(oldGlobbing: true).Keys);

    [Theory]
    [MemberData(nameof(NewGlobbingNames))]
    public void TestGitGeneratorParamsFromFilesWithExcludeOptionWithNewGlobbing(string name) => Run(Cases(oldGlobbing: false)[name], goTemplate: false);

    [Theory]
    [MemberData(nameof(OldGlobbingNames))]
    public void TestGitGeneratorParamsFromFilesWithExcludeOptionWithOldGlobbing(string name) => Run(Cases(oldGlobbing: true)[name], goTemplate: false);

    private static readonly Dictionary<string, ExcludeCase> GoTemplateCases = new()
    {
        ["filter files according to file-path with exclude"] = new(
            "[{path: '**/config.json'}, {path: 'p1/**/config.json', exclude: true}]",
            new()
            {
                ["**/config.json"] = new() { ["cluster-config/production/config.json"] = Production },
                ["p1/**/config.json"] = new() { ["p1/p2/config.json"] = "{\"service\": {\"maintainer\": \"dev.team@example.com\", \"config\": {\"retries\": 5}}}" },
            },
            new[]
            {
                """
                {"cluster": {"owner": "john.doe@example.com", "name": "production", "address": "https://kubernetes.default.svc"},
                 "key1": "val1", "key2": {"key2_1": "val2_1", "key2_2": {"key2_2_1": "val2_2_1"}}, "key3": 123,
                 "path": {"path": "cluster-config/production", "basename": "production", "filename": "config.json", "basenameNormalized": "production", "filenameNormalized": "config.json", "segments": ["cluster-config", "production"]}}
                """,
            }),
        ["filter files according to multiple file-paths with exclude"] = new(
            "[{path: '**/config.json'}, {path: 'p1/app2/config.json', exclude: true}, {path: 'p1/app3/config.json', exclude: true}]",
            new()
            {
                ["**/config.json"] = new() { ["p1/config.json"] = P1Inner },
                ["p1/app2/config.json"] = new() { ["p1/app2/config.json"] = "{\"database\": {\"env\": \"staging\"}}", ["p1/app3/config.json"] = "{\"storage\": {\"region\": \"us-west-2\"}}" },
                ["p1/app3/config.json"] = new() { ["p1/app2/config.json"] = "{\"database\": {\"env\": \"staging\"}}", ["p1/app3/config.json"] = "{\"storage\": {\"region\": \"us-west-2\"}}" },
            },
            new[]
            {
                """
                {"cluster": {"owner": "john.doe@example.com", "name": "production", "address": "https://kubernetes.default.svc", "inner": {"one": "two"}},
                 "path": {"path": "p1", "basename": "p1", "filename": "config.json", "basenameNormalized": "p1", "filenameNormalized": "config.json", "segments": ["p1"]}}
                """,
            }),
    };

    public static TheoryData<string> GoTemplateNames() => new(GoTemplateCases.Keys);

    [Theory]
    [MemberData(nameof(GoTemplateNames))]
    public void TestGitGeneratorParamsFromFilesWithExcludeOptionGoTemplate(string name) => Run(GoTemplateCases[name], goTemplate: true);

    private static void Run(ExcludeCase c, bool goTemplate)
    {
        var repos = new MockRepos { FilesByPattern = c.ByPattern };
        var result = Render(AppSet("files: " + c.Files, goTemplate), repos);
        Assert.Empty(GeneratorErrors(result));
        // Every include and every exclude pattern is asked for once.
        Assert.Equal(c.ByPattern.Keys.Order(StringComparer.Ordinal), repos.FileCalls.Order(StringComparer.Ordinal));
        Assert.Equal(Expected(c.Expected).Order(StringComparer.Ordinal), Sets(result).Order(StringComparer.Ordinal));
    }

    // ---------------------------------------------------------------- TestGitGenerator_GenerateParams

    private const string ProjectCaseBody = "directories: [{path: '*'}]\nvalues: {foo: bar}";

    private const string App1WithValues = """{"path": "app1", "path.basename": "app1", "path.basenameNormalized": "app1", "path[0]": "app1", "values.foo": "bar"}""";

    [Fact]
    public void TestGitGenerator_GenerateParams_Signature_Verification_ignores_templated_project_field()
    {
        // No AppProject exists at all, yet a templated project is never looked up.
        var repos = new MockRepos { Directories = new() { "app1" } };
        var result = Render(AppSet(ProjectCaseBody, project: "{{.project}}"), repos, new RenderOptions { Projects = Array.Empty<string>() });
        Assert.Empty(GeneratorErrors(result));
        Assert.Equal(Expected(App1WithValues), Sets(result));
        Assert.Equal(1, repos.DirectoryCalls);
    }

    [Fact]
    public void TestGitGenerator_GenerateParams_Signature_Verification_Checks_for_non_templated_project_field()
    {
        var repos = new MockRepos { Directories = new() { "app1" } };
        var result = Render(AppSet(ProjectCaseBody, project: "project"), repos, new RenderOptions { Projects = new[] { "default" } });
        var error = Assert.Single(GeneratorErrors(result));
        Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, error.Reason);
        Assert.Equal("error getting project project: appprojects.argoproj.io \"project\" not found", error.Message);
        // callGetDirectories: false, the project is read first.
        Assert.Equal(0, repos.DirectoryCalls);
    }

    /// <summary>
    /// "Project field is not templated - verify that project is passed through to repo-server as-is" and
    /// "Project field is templated - ... as empty string": the params part. Which project the repo-server is
    /// given only picks repository credentials, which HubDsl does not have offline.
    /// </summary>
    [Theory]
    [InlineData("project")]
    [InlineData("{{.project}}")]
    public void TestGitGenerator_GenerateParams_Project_field_passed_through(string project)
    {
        var repos = new MockRepos { Directories = new() { "app1" } };
        var result = Render(AppSet(ProjectCaseBody, project: project), repos, new RenderOptions { Projects = new[] { "project" } });
        Assert.Empty(GeneratorErrors(result));
        Assert.Equal(Expected(App1WithValues), Sets(result));
        Assert.Equal(1, repos.DirectoryCalls);
    }
}
