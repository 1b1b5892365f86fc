using HubDsl.Core.Manifests;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;
using HubDsl.Tests.Shared;

namespace HubDsl.Generators.Tests;

/// <summary>
/// Generated Argo CD objects against Argo CD's own CRD schemas (shared/schemas/argocd, v3.5.1), validated by
/// NJsonSchema: the ApplicationSet, the AppProject, the Applications the preview renderer produces from them,
/// and the ApplicationSets of every snapshot fleet and of the committed example.
/// </summary>
public sealed class CrdSchemaTests
{
    private static readonly IReadOnlyList<ManifestFile> Files = GeneratorHarness.Generate(GeneratorHarness.ExampleSources("AgentFleet"));

    private static string Crd(string name) => Path.Combine(SharedSchemas.Folder, "argocd", name);

    [SchemaFact]
    public void The_ApplicationSet_validates()
    {
        var errors = CrdSchema.Load(Crd("applicationset-crd.yaml")).Validate(File("argocd/applicationsets/agent-multi-cluster.yaml"));
        Assert.Empty(errors);
    }

    [SchemaFact]
    public void The_AppProject_validates()
    {
        var errors = CrdSchema.Load(Crd("appproject-crd.yaml")).Validate(File("argocd/projects/agent.yaml"));
        Assert.Empty(errors);
    }

    [SchemaFact]
    public void Every_previewed_Application_validates()
    {
        var secrets = Files.Where(f => f.Path.StartsWith("argocd/clusters/", StringComparison.Ordinal)).Select(f => (YamlMapping)YamlReader.Parse(f.Content)).ToList();
        var result = ApplicationSetRenderer.Render((YamlMapping)YamlReader.Parse(File("argocd/applicationsets/agent-multi-cluster.yaml")), secrets);
        Assert.Equal(3, result.Applications.Count);
        var schema = CrdSchema.Load(Crd("application-crd.yaml"));
        foreach (var application in result.Applications) Assert.Empty(schema.Validate(YamlWriter.Write(application)));
    }

    [SchemaFact]
    public void Every_snapshot_fleets_ApplicationSet_validates()
    {
        var schema = CrdSchema.Load(Crd("applicationset-crd.yaml"));
        var root = GeneratorHarness.RepositoryRoot();
        var files = new[] { Path.Combine(root, "tests", "HubDsl.Generators.Tests", "Snapshots"), Path.Combine(root, "examples") }
            .SelectMany(folder => Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories))
            .Where(f => f.Replace('\\', '/').Contains("/argocd/applicationsets/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files) Assert.True(schema.Validate(System.IO.File.ReadAllText(file)).Count == 0, file + ": " + string.Join("; ", schema.Validate(System.IO.File.ReadAllText(file))));
    }

    [SchemaFact]
    public void The_schema_rejects_what_the_API_server_would()
    {
        // The check must be able to fail: a misspelt field, a missing required field, a wrong type and a bad enum value.
        var schema = CrdSchema.Load(Crd("applicationset-crd.yaml"));
        var broken = File("argocd/applicationsets/agent-multi-cluster.yaml")
            .Replace("preserveResourcesOnDeletion: true", "preserveResourcesOnDeletion: yes-please\n    applicationsSync: sometimes")
            .Replace("generators:", "generator:");
        var errors = schema.Validate(broken);
        Assert.Contains(errors, e => e.Contains("generator: NoAdditionalPropertiesAllowed"));
        Assert.Contains(errors, e => e.Contains("generators: PropertyRequired"));
        Assert.Contains(errors, e => e.Contains("applicationsSync: NotInEnumeration"));
        Assert.Contains(errors, e => e.Contains("preserveResourcesOnDeletion: BooleanExpected"));
    }

    [Fact]
    public void No_generated_file_contains_a_credential()
    {
        foreach (var file in Files)
        {
            Assert.Null(HubDsl.Core.Validation.CredentialPatterns.ShapeOf(file.Content));
            Assert.DoesNotContain("bearerToken", file.Content);
            Assert.DoesNotContain("password", file.Content, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("config:", file.Content);
        }
    }

    private static string File(string path) => Files.Single(f => f.Path == path).Content;
}
