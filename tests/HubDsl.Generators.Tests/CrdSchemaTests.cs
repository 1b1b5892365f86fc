using HubDsl.Core.Manifests;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace HubDsl.Generators.Tests;

/// <summary>
/// Generated Argo CD objects against Argo CD's own CRD schemas (shared/schemas/argocd, v3.5.1): the
/// ApplicationSet, the AppProject, and the Applications the preview renderer produces from them.
/// </summary>
public sealed class CrdSchemaTests
{
    private static readonly IReadOnlyList<ManifestFile> Files = GeneratorHarness.Generate(GeneratorHarness.ExampleSources("AgentFleet"));

    private static string Crd(string name) => Path.Combine(SharedSchemas.Folder, "argocd", name);

    [SchemaFact]
    public void The_ApplicationSet_validates()
    {
        var errors = CrdSchemaValidator.Load(Crd("applicationset-crd.yaml")).Validate(ReadDotNet(File("argocd/applicationsets/agent-multi-cluster.yaml")));
        Assert.Empty(errors);
    }

    [SchemaFact]
    public void The_AppProject_validates()
    {
        var errors = CrdSchemaValidator.Load(Crd("appproject-crd.yaml")).Validate(ReadDotNet(File("argocd/projects/agent.yaml")));
        Assert.Empty(errors);
    }

    [SchemaFact]
    public void Every_previewed_Application_validates()
    {
        var secrets = Files.Where(f => f.Path.StartsWith("argocd/clusters/", StringComparison.Ordinal)).Select(f => (YamlMapping)YamlReader.Parse(f.Content)).ToList();
        var result = ApplicationSetRenderer.Render((YamlMapping)YamlReader.Parse(File("argocd/applicationsets/agent-multi-cluster.yaml")), secrets);
        Assert.Equal(3, result.Applications.Count);
        var validator = CrdSchemaValidator.Load(Crd("application-crd.yaml"));
        foreach (var application in result.Applications) Assert.Empty(validator.Validate(ReadDotNet(YamlWriter.Write(application))));
    }

    [SchemaFact]
    public void The_validator_rejects_what_the_API_server_would()
    {
        // The check must be able to fail: a misspelt field, a wrong type and a bad enum value.
        var validator = CrdSchemaValidator.Load(Crd("applicationset-crd.yaml"));
        var broken = File("argocd/applicationsets/agent-multi-cluster.yaml")
            .Replace("preserveResourcesOnDeletion: true", "preserveResourcesOnDeletion: true\n    applicationsSync: sometimes")
            .Replace("generators:", "generator:");
        var errors = validator.Validate(ReadDotNet(broken));
        Assert.Contains(errors, e => e.Contains("spec.generator: unknown field"));
        Assert.Contains(errors, e => e.Contains("spec.generators: required"));
        Assert.Contains(errors, e => e.Contains("applicationsSync: 'sometimes' is not one of the allowed values"));
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

    private static YamlDotNet.RepresentationModel.YamlNode ReadDotNet(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents[0].RootNode;
    }
}
