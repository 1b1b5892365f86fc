using HubDsl.Core.Rendering;
using static HubDsl.Core.Tests.Rendering.Git.GitTestKit;

namespace HubDsl.Core.Tests.Rendering.Git;

/// <summary>
/// Argo CD v3.5.1's own Git generator tests (applicationset/generators/git_test.go), ported case by case: each
/// theory row is the Go test case's name. Like the Go tests they mock the repo service, so they check the
/// generator (filtering, exclude precedence, parsing, path params, values, prefixes, error texts), not git.
/// </summary>
public sealed class ArgoGitGeneratorTests
{
    private const string ProductionJson = """
        {
           "cluster": {
               "owner": "john.doe@example.com",
               "name": "production",
               "address": "https://kubernetes.default.svc"
           },
           "key1": "val1",
           "key2": {
               "key2_1": "val2_1",
               "key2_2": {
                   "key2_2_1": "val2_2_1"
               }
           },
           "key3": 123
        }
        """;

    private const string StagingJson = """
        {
           "cluster": {
               "owner": "foo.bar@example.com",
               "name": "staging",
               "address": "https://kubernetes.default.svc"
           }
        }
        """;

    private const string JsonArray = """
        [
        	{
        		"cluster": {
        			"owner": "john.doe@example.com",
        			"name": "production",
        			"address": "https://kubernetes.default.svc",
        			"inner": {
        				"one" : "two"
        			}
        		}
        	},
        	{
        		"cluster": {
        			"owner": "john.doe@example.com",
        			"name": "staging",
        			"address": "https://kubernetes.default.svc"
        		}
        	}
        ]
        """;

    private const string ProductionYaml = """
        cluster:
          owner: john.doe@example.com
          name: production
          address: https://kubernetes.default.svc
        key1: val1
        key2:
          key2_1: val2_1
          key2_2:
            key2_2_1: val2_2_1
        """;

    private const string StagingYaml = """
        cluster:
          owner: foo.bar@example.com
          name: staging
          address: https://kubernetes.default.svc
        """;

    private const string YamlArray = """
        - cluster:
            owner: john.doe@example.com
            name: production
            address: https://kubernetes.default.svc
            inner:
              one: two
        - cluster:
            owner: john.doe@example.com
            name: staging
            address: https://kubernetes.default.svc
        """;

    private const string InvalidJsonError = "error generating params from git: unable to process file 'cluster-config/production/config.json' from repository 'RepoURL': unable to parse file: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type []map[string]interface {}";

    private const string ProductionFlat = """
        "cluster.owner": "john.doe@example.com", "cluster.name": "production", "cluster.address": "https://kubernetes.default.svc",
        "key1": "val1", "key2.key2_1": "val2_1", "key2.key2_2.key2_2_1": "val2_2_1", "key3": "123",
        "path": "cluster-config/production", "path.basename": "production", "path[0]": "cluster-config", "path[1]": "production",
        "path.basenameNormalized": "production", "path.filename": "config.json", "path.filenameNormalized": "config.json"
        """;

    private const string StagingFlat = """
        "cluster.owner": "foo.bar@example.com", "cluster.name": "staging", "cluster.address": "https://kubernetes.default.svc",
        "path": "cluster-config/staging", "path.basename": "staging", "path[0]": "cluster-config", "path[1]": "staging",
        "path.basenameNormalized": "staging", "path.filename": "config.json", "path.filenameNormalized": "config.json"
        """;

    // ---------------------------------------------------------------- Test_generateParamsFromGitFile

    private sealed record FileCase(string Content, string Values, bool GoTemplate, string Prefix, string[] Expected, bool WantError = false);

    private static readonly Dictionary<string, FileCase> GitFileCases = new()
    {
        ["empty file returns path parameters"] = new("", "", false, "", new[]
        {
            """{"path": "path/dir", "path.basename": "dir", "path.filename": "file_name.yaml", "path.basenameNormalized": "dir", "path.filenameNormalized": "file-name.yaml", "path[0]": "path", "path[1]": "dir"}""",
        }),
        ["invalid json/yaml file returns error"] = new("this is not json or yaml", "", false, "", Array.Empty<string>(), WantError: true),
        ["file parameters are added to params"] = new("\nfoo:\n  bar: baz\n", "", false, "", new[]
        {
            """{"foo.bar": "baz", "path": "path/dir", "path.basename": "dir", "path.filename": "file_name.yaml", "path.basenameNormalized": "dir", "path.filenameNormalized": "file-name.yaml", "path[0]": "path", "path[1]": "dir"}""",
        }),
        ["path parameter are prefixed"] = new("\nfoo:\n  bar: baz\n", "", false, "myRepo", new[]
        {
            """{"foo.bar": "baz", "myRepo.path": "path/dir", "myRepo.path.basename": "dir", "myRepo.path.filename": "file_name.yaml", "myRepo.path.basenameNormalized": "dir", "myRepo.path.filenameNormalized": "file-name.yaml", "myRepo.path[0]": "path", "myRepo.path[1]": "dir"}""",
        }),
        ["file parameters are added to params with go template"] = new("\nfoo:\n  bar: baz\n", "somekey: '{{.path.basename}}'", true, "", new[]
        {
            """{"values": {"somekey": "dir"}, "foo": {"bar": "baz"}, "path": {"path": "path/dir", "basename": "dir", "filename": "file_name.yaml", "basenameNormalized": "dir", "filenameNormalized": "file-name.yaml", "segments": ["path", "dir"]}}""",
        }),
        ["path parameter are prefixed with go template"] = new("\nfoo:\n  bar: baz\n", "", true, "myRepo", new[]
        {
            """{"foo": {"bar": "baz"}, "myRepo": {"path": {"path": "path/dir", "basename": "dir", "filename": "file_name.yaml", "basenameNormalized": "dir", "filenameNormalized": "file-name.yaml", "segments": ["path", "dir"]}}}""",
        }),
        ["path parameter are prefixed with go template and values"] = new("\nfoo:\n  bar: baz\n", "somekey: '{{.myRepo.path.basename}}'", true, "myRepo", new[]
        {
            """{"foo": {"bar": "baz"}, "myRepo": {"path": {"path": "path/dir", "basename": "dir", "filename": "file_name.yaml", "basenameNormalized": "dir", "filenameNormalized": "file-name.yaml", "segments": ["path", "dir"]}}, "values": {"somekey": "dir"}}""",
        }),
    };

    public static TheoryData<string> GitFileCaseNames() => new(GitFileCases.Keys);

    /// <summary>Test_generateParamsFromGitFile: one file at path/dir/file_name.yaml.</summary>
    [Theory]
    [MemberData(nameof(GitFileCaseNames))]
    public void Test_generateParamsFromGitFile(string name)
    {
        var c = GitFileCases[name];
        var repos = new MockRepos { AnyPattern = new() { ["path/dir/file_name.yaml"] = c.Content } };
        var body = "files: [{path: 'path/dir/file_name.yaml'}]\n" + (c.Prefix.Length > 0 ? "pathParamPrefix: " + c.Prefix + "\n" : "") + (c.Values.Length > 0 ? "values: {" + c.Values + "}\n" : "");
        var result = Render(AppSet(body, c.GoTemplate), repos);
        if (c.WantError)
        {
            Assert.Single(GeneratorErrors(result));
            Assert.Empty(result.ParamSets);
            return;
        }

        Assert.Empty(GeneratorErrors(result));
        Assert.Equal(Expected(c.Expected), Sets(result));
    }

    // ---------------------------------------------------------------- TestGitGenerateParamsFromDirectories(+GoTemplate)

    private sealed record DirectoryCase(string Directories, string Prefix, string[] RepoApps, string? RepoError, string Values, string[] Expected, string? ExpectedError = null);

    private static readonly Dictionary<string, DirectoryCase> DirectoryCases = new()
    {
        ["happy flow - created apps"] = new("[{path: '*'}]", "", new[] { "app1", "app2", "app_3", "p1/app4" }, null, "", new[]
        {
            """{"path": "app1", "path.basename": "app1", "path.basenameNormalized": "app1", "path[0]": "app1"}""",
            """{"path": "app2", "path.basename": "app2", "path.basenameNormalized": "app2", "path[0]": "app2"}""",
            """{"path": "app_3", "path.basename": "app_3", "path.basenameNormalized": "app-3", "path[0]": "app_3"}""",
        }),
        ["It prefixes path parameters with PathParamPrefix"] = new("[{path: '*'}]", "myRepo", new[] { "app1", "app2", "app_3", "p1/app4" }, null, "", new[]
        {
            """{"myRepo.path": "app1", "myRepo.path.basename": "app1", "myRepo.path.basenameNormalized": "app1", "myRepo.path[0]": "app1"}""",
            """{"myRepo.path": "app2", "myRepo.path.basename": "app2", "myRepo.path.basenameNormalized": "app2", "myRepo.path[0]": "app2"}""",
            """{"myRepo.path": "app_3", "myRepo.path.basename": "app_3", "myRepo.path.basenameNormalized": "app-3", "myRepo.path[0]": "app_3"}""",
        }),
        ["It filters application according to the paths"] = new("[{path: 'p1/*'}, {path: 'p1/*/*'}]", "", new[] { "app1", "p1/app2", "p1/p2/app3", "p1/p2/p3/app4" }, null, "", new[]
        {
            """{"path": "p1/app2", "path.basename": "app2", "path[0]": "p1", "path[1]": "app2", "path.basenameNormalized": "app2"}""",
            """{"path": "p1/p2/app3", "path.basename": "app3", "path[0]": "p1", "path[1]": "p2", "path[2]": "app3", "path.basenameNormalized": "app3"}""",
        }),
        ["It filters application according to the paths with Exclude"] = new("[{path: 'p1/*', exclude: true}, {path: '*'}, {path: '*/*'}]", "", new[] { "app1", "app2", "p1/app2", "p1/app3", "p2/app3" }, null, "", new[]
        {
            """{"path": "app1", "path.basename": "app1", "path[0]": "app1", "path.basenameNormalized": "app1"}""",
            """{"path": "app2", "path.basename": "app2", "path[0]": "app2", "path.basenameNormalized": "app2"}""",
            """{"path": "p2/app3", "path.basename": "app3", "path[0]": "p2", "path[1]": "app3", "path.basenameNormalized": "app3"}""",
        }),
        ["Expecting same exclude behavior with different order"] = new("[{path: '*'}, {path: '*/*'}, {path: 'p1/*', exclude: true}]", "", new[] { "app1", "app2", "p1/app2", "p1/app3", "p2/app3" }, null, "", new[]
        {
            """{"path": "app1", "path.basename": "app1", "path[0]": "app1", "path.basenameNormalized": "app1"}""",
            """{"path": "app2", "path.basename": "app2", "path[0]": "app2", "path.basenameNormalized": "app2"}""",
            """{"path": "p2/app3", "path.basename": "app3", "path[0]": "p2", "path[1]": "app3", "path.basenameNormalized": "app3"}""",
        }),
        ["Value variable interpolation"] = new("[{path: '*'}, {path: '*/*'}]", "", new[] { "app1", "p1/app2" }, null, "foo: bar, aaa: '{{ path[0] }}', no-op: '{{ this-does-not-exist }}'", new[]
        {
            """{"values.foo": "bar", "values.no-op": "{{ this-does-not-exist }}", "values.aaa": "app1", "path": "app1", "path.basename": "app1", "path[0]": "app1", "path.basenameNormalized": "app1"}""",
            """{"values.foo": "bar", "values.no-op": "{{ this-does-not-exist }}", "values.aaa": "p1", "path": "p1/app2", "path.basename": "app2", "path[0]": "p1", "path[1]": "app2", "path.basenameNormalized": "app2"}""",
        }),
        ["handles empty response from repo server"] = new("[{path: '*'}]", "", Array.Empty<string>(), null, "", Array.Empty<string>()),
        ["handles error from repo server"] = new("[{path: '*'}]", "", Array.Empty<string>(), "error", "", Array.Empty<string>(), "error generating params from git: error getting directories from repo: error"),
    };

    private static readonly Dictionary<string, DirectoryCase> DirectoryGoTemplateCases = new()
    {
        ["happy flow - created apps"] = new("[{path: '*'}]", "", new[] { "app1", "app2", "app_3", "p1/app4" }, null, "", new[]
        {
            """{"path": {"path": "app1", "basename": "app1", "basenameNormalized": "app1", "segments": ["app1"]}}""",
            """{"path": {"path": "app2", "basename": "app2", "basenameNormalized": "app2", "segments": ["app2"]}}""",
            """{"path": {"path": "app_3", "basename": "app_3", "basenameNormalized": "app-3", "segments": ["app_3"]}}""",
        }),
        ["It prefixes path parameters with PathParamPrefix"] = new("[{path: '*'}]", "myRepo", new[] { "app1", "app2", "app_3", "p1/app4" }, null, "", new[]
        {
            """{"myRepo": {"path": {"path": "app1", "basename": "app1", "basenameNormalized": "app1", "segments": ["app1"]}}}""",
            """{"myRepo": {"path": {"path": "app2", "basename": "app2", "basenameNormalized": "app2", "segments": ["app2"]}}}""",
            """{"myRepo": {"path": {"path": "app_3", "basename": "app_3", "basenameNormalized": "app-3", "segments": ["app_3"]}}}""",
        }),
        ["It filters application according to the paths"] = new("[{path: 'p1/*'}, {path: 'p1/*/*'}]", "", new[] { "app1", "p1/app2", "p1/p2/app3", "p1/p2/p3/app4" }, null, "", new[]
        {
            """{"path": {"path": "p1/app2", "basename": "app2", "basenameNormalized": "app2", "segments": ["p1", "app2"]}}""",
            """{"path": {"path": "p1/p2/app3", "basename": "app3", "basenameNormalized": "app3", "segments": ["p1", "p2", "app3"]}}""",
        }),
        ["It filters application according to the paths with Exclude"] = new("[{path: 'p1/*', exclude: true}, {path: '*'}, {path: '*/*'}]", "", new[] { "app1", "app2", "p1/app2", "p1/app3", "p2/app3" }, null, "", new[]
        {
            """{"path": {"path": "app1", "basename": "app1", "basenameNormalized": "app1", "segments": ["app1"]}}""",
            """{"path": {"path": "app2", "basename": "app2", "basenameNormalized": "app2", "segments": ["app2"]}}""",
            """{"path": {"path": "p2/app3", "basename": "app3", "basenameNormalized": "app3", "segments": ["p2", "app3"]}}""",
        }),
        ["Expecting same exclude behavior with different order"] = new("[{path: '*'}, {path: '*/*'}, {path: 'p1/*', exclude: true}]", "", new[] { "app1", "app2", "p1/app2", "p1/app3", "p2/app3" }, null, "", new[]
        {
            """{"path": {"path": "app1", "basename": "app1", "basenameNormalized": "app1", "segments": ["app1"]}}""",
            """{"path": {"path": "app2", "basename": "app2", "basenameNormalized": "app2", "segments": ["app2"]}}""",
            """{"path": {"path": "p2/app3", "basename": "app3", "basenameNormalized": "app3", "segments": ["p2", "app3"]}}""",
        }),
        ["handles empty response from repo server"] = new("[{path: '*'}]", "", Array.Empty<string>(), null, "", Array.Empty<string>()),
        ["handles error from repo server"] = new("[{path: '*'}]", "", Array.Empty<string>(), "error", "", Array.Empty<string>(), "error generating params from git: error getting directories from repo: error"),
    };

    public static TheoryData<string> DirectoryCaseNames() => new(DirectoryCases.Keys);

    public static TheoryData<string> DirectoryGoTemplateCaseNames() => new(DirectoryGoTemplateCases.Keys);

    [Theory]
    [MemberData(nameof(DirectoryCaseNames))]
    public void TestGitGenerateParamsFromDirectories(string name) => RunDirectoryCase(DirectoryCases[name], goTemplate: false);

    [Theory]
    [MemberData(nameof(DirectoryGoTemplateCaseNames))]
    public void TestGitGenerateParamsFromDirectoriesGoTemplate(string name) => RunDirectoryCase(DirectoryGoTemplateCases[name], goTemplate: true);

    private static void RunDirectoryCase(DirectoryCase c, bool goTemplate)
    {
        var repos = new MockRepos { Directories = c.RepoApps.ToList(), Error = c.RepoError };
        var body = "directories: " + c.Directories + "\n" + (c.Prefix.Length > 0 ? "pathParamPrefix: " + c.Prefix + "\n" : "") + (c.Values.Length > 0 ? "values: {" + c.Values + "}\n" : "");
        var result = Render(AppSet(body, goTemplate), repos);
        if (c.ExpectedError is not null)
        {
            var error = Assert.Single(GeneratorErrors(result));
            Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, error.Reason);
            Assert.Equal(c.ExpectedError, error.Message);
            Assert.Empty(result.Applications);
            return;
        }

        Assert.Empty(GeneratorErrors(result));
        // assert.Equal in Go: the order is checked too.
        Assert.Equal(Expected(c.Expected), Sets(result));
    }

    // ---------------------------------------------------------------- TestGitGenerateParamsFromFiles(+GoTemplate)

    private sealed record FilesCase(string Pattern, Dictionary<string, string> Files, string? RepoError, string Values, string[] Expected, string? ExpectedError = null);

    private static readonly Dictionary<string, FilesCase> FilesCases = new()
    {
        ["happy flow: create params from git files"] = new("**/config.json", new() { ["cluster-config/production/config.json"] = ProductionJson, ["cluster-config/staging/config.json"] = StagingJson }, null, "", new[]
        {
            "{" + ProductionFlat + "}",
            "{" + StagingFlat + "}",
        }),
        ["Value variable interpolation"] = new("**/config.json", new() { ["cluster-config/production/config.json"] = ProductionJson, ["cluster-config/staging/config.json"] = StagingJson }, null, "aaa: '{{ cluster.owner }}', no-op: '{{ this-does-not-exist }}'", new[]
        {
            "{" + ProductionFlat + """, "values.aaa": "john.doe@example.com", "values.no-op": "{{ this-does-not-exist }}"}""",
            "{" + StagingFlat + """, "values.aaa": "foo.bar@example.com", "values.no-op": "{{ this-does-not-exist }}"}""",
        }),
        ["handles error during getting repo paths"] = new("**/config.json", new(), "paths error", "", Array.Empty<string>(), "error generating params from git: paths error"),
        ["test invalid JSON file returns error"] = new("**/config.json", new() { ["cluster-config/production/config.json"] = "invalid json file" }, null, "", Array.Empty<string>(), InvalidJsonError),
        ["test JSON array"] = new("**/config.json", new() { ["cluster-config/production/config.json"] = JsonArray }, null, "", new[]
        {
            """{"cluster.owner": "john.doe@example.com", "cluster.name": "production", "cluster.address": "https://kubernetes.default.svc", "cluster.inner.one": "two", "path": "cluster-config/production", "path.basename": "production", "path[0]": "cluster-config", "path[1]": "production", "path.basenameNormalized": "production", "path.filename": "config.json", "path.filenameNormalized": "config.json"}""",
            """{"cluster.owner": "john.doe@example.com", "cluster.name": "staging", "cluster.address": "https://kubernetes.default.svc", "path": "cluster-config/production", "path.basename": "production", "path[0]": "cluster-config", "path[1]": "production", "path.basenameNormalized": "production", "path.filename": "config.json", "path.filenameNormalized": "config.json"}""",
        }),
        ["Test YAML flow"] = new("**/config.yaml", new() { ["cluster-config/production/config.yaml"] = ProductionYaml, ["cluster-config/staging/config.yaml"] = StagingYaml }, null, "", new[]
        {
            """{"cluster.owner": "john.doe@example.com", "cluster.name": "production", "cluster.address": "https://kubernetes.default.svc", "key1": "val1", "key2.key2_1": "val2_1", "key2.key2_2.key2_2_1": "val2_2_1", "path": "cluster-config/production", "path.basename": "production", "path[0]": "cluster-config", "path[1]": "production", "path.basenameNormalized": "production", "path.filename": "config.yaml", "path.filenameNormalized": "config.yaml"}""",
            """{"cluster.owner": "foo.bar@example.com", "cluster.name": "staging", "cluster.address": "https://kubernetes.default.svc", "path": "cluster-config/staging", "path.basename": "staging", "path[0]": "cluster-config", "path[1]": "staging", "path.basenameNormalized": "staging", "path.filename": "config.yaml", "path.filenameNormalized": "config.yaml"}""",
        }),
        ["test YAML array"] = new("**/config.yaml", new() { ["cluster-config/production/config.yaml"] = YamlArray }, null, "", new[]
        {
            """{"cluster.owner": "john.doe@example.com", "cluster.name": "production", "cluster.address": "https://kubernetes.default.svc", "cluster.inner.one": "two", "path": "cluster-config/production", "path.basename": "production", "path[0]": "cluster-config", "path[1]": "production", "path.basenameNormalized": "production", "path.filename": "config.yaml", "path.filenameNormalized": "config.yaml"}""",
            """{"cluster.owner": "john.doe@example.com", "cluster.name": "staging", "cluster.address": "https://kubernetes.default.svc", "path": "cluster-config/production", "path.basename": "production", "path[0]": "cluster-config", "path[1]": "production", "path.basenameNormalized": "production", "path.filename": "config.yaml", "path.filenameNormalized": "config.yaml"}""",
        }),
        ["test empty YAML array"] = new("**/config.yaml", new() { ["cluster-config/production/config.yaml"] = "[]" }, null, "", Array.Empty<string>()),
    };

    private static string GoPath(string path, string basename, string filename, params string[] segments) =>
        $$"""{"path": "{{path}}", "basename": "{{basename}}", "filename": "{{filename}}", "basenameNormalized": "{{basename}}", "filenameNormalized": "{{filename}}", "segments": [{{string.Join(", ", segments.Select(s => "\"" + s + "\""))}}]}""";

    private static readonly string ProductionGo = $$$"""
        "cluster": {"owner": "john.doe@example.com", "name": "production", "address": "https://kubernetes.default.svc"},
        "key1": "val1", "key2": {"key2_1": "val2_1", "key2_2": {"key2_2_1": "val2_2_1"}}, "key3": 123,
        "path": {{{GoPath("cluster-config/production", "production", "config.json", "cluster-config", "production")}}}
        """;

    private static readonly Dictionary<string, FilesCase> FilesGoTemplateCases = new()
    {
        ["happy flow: create params from git files"] = new("**/config.json", new() { ["cluster-config/production/config.json"] = ProductionJson, ["cluster-config/staging/config.json"] = StagingJson }, null, "", new[]
        {
            "{" + ProductionGo + "}",
            """{"cluster": {"owner": "foo.bar@example.com", "name": "staging", "address": "https://kubernetes.default.svc"}, "path": """ + GoPath("cluster-config/staging", "staging", "config.json", "cluster-config", "staging") + "}",
        }),
        ["handles error during getting repo paths"] = new("**/config.json", new(), "paths error", "", Array.Empty<string>(), "error generating params from git: paths error"),
        ["test invalid JSON file returns error"] = new("**/config.json", new() { ["cluster-config/production/config.json"] = "invalid json file" }, null, "", Array.Empty<string>(), InvalidJsonError),
        ["test JSON array"] = new("**/config.json", new() { ["cluster-config/production/config.json"] = JsonArray }, null, "", new[]
        {
            """{"cluster": {"owner": "john.doe@example.com", "name": "production", "address": "https://kubernetes.default.svc", "inner": {"one": "two"}}, "path": """ + GoPath("cluster-config/production", "production", "config.json", "cluster-config", "production") + "}",
            """{"cluster": {"owner": "john.doe@example.com", "name": "staging", "address": "https://kubernetes.default.svc"}, "path": """ + GoPath("cluster-config/production", "production", "config.json", "cluster-config", "production") + "}",
        }),
        ["Test YAML flow"] = new("**/config.yaml", new() { ["cluster-config/production/config.yaml"] = ProductionYaml, ["cluster-config/staging/config.yaml"] = StagingYaml }, null, "", new[]
        {
            """{"cluster": {"owner": "john.doe@example.com", "name": "production", "address": "https://kubernetes.default.svc"}, "key1": "val1", "key2": {"key2_1": "val2_1", "key2_2": {"key2_2_1": "val2_2_1"}}, "path": """ + GoPath("cluster-config/production", "production", "config.yaml", "cluster-config", "production") + "}",
            """{"cluster": {"owner": "foo.bar@example.com", "name": "staging", "address": "https://kubernetes.default.svc"}, "path": """ + GoPath("cluster-config/staging", "staging", "config.yaml", "cluster-config", "staging") + "}",
        }),
        ["test YAML array"] = new("**/config.yaml", new() { ["cluster-config/production/config.yaml"] = YamlArray }, null, "", new[]
        {
            """{"cluster": {"owner": "john.doe@example.com", "name": "production", "address": "https://kubernetes.default.svc", "inner": {"one": "two"}}, "path": """ + GoPath("cluster-config/production", "production", "config.yaml", "cluster-config", "production") + "}",
            """{"cluster": {"owner": "john.doe@example.com", "name": "staging", "address": "https://kubernetes.default.svc"}, "path": """ + GoPath("cluster-config/production", "production", "config.yaml", "cluster-config", "production") + "}",
        }),
    };

    public static TheoryData<string> FilesCaseNames() => new(FilesCases.Keys);

    public static TheoryData<string> FilesGoTemplateCaseNames() => new(FilesGoTemplateCases.Keys);

    [Theory]
    [MemberData(nameof(FilesCaseNames))]
    public void TestGitGenerateParamsFromFiles(string name) => RunFilesCase(FilesCases[name], goTemplate: false);

    [Theory]
    [MemberData(nameof(FilesGoTemplateCaseNames))]
    public void TestGitGenerateParamsFromFilesGoTemplate(string name) => RunFilesCase(FilesGoTemplateCases[name], goTemplate: true);

    private static void RunFilesCase(FilesCase c, bool goTemplate)
    {
        var repos = new MockRepos { AnyPattern = c.Files, Error = c.RepoError };
        var body = "files: [{path: '" + c.Pattern + "'}]\n" + (c.Values.Length > 0 ? "values: {" + c.Values + "}\n" : "");
        var result = Render(AppSet(body, goTemplate), repos);
        if (c.ExpectedError is not null)
        {
            var error = Assert.Single(GeneratorErrors(result));
            Assert.Equal(RenderErrorReasons.ApplicationGenerationFromParamsError, error.Reason);
            Assert.Equal(c.ExpectedError, error.Message);
            return;
        }

        Assert.Empty(GeneratorErrors(result));
        Assert.Equal(c.Pattern, Assert.Single(repos.FileCalls));
        // assert.ElementsMatch in Go: the same sets in any order.
        Assert.Equal(Expected(c.Expected).Order(StringComparer.Ordinal), Sets(result).Order(StringComparer.Ordinal));
    }
}
