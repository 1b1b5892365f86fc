using HubDsl.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace HubDsl.Cli.Tests;

/// <summary>Every Application `hubdsl preview` prints validates against Argo CD's Application CRD (NJsonSchema).</summary>
public sealed class PreviewSchemaTests
{
    internal static readonly string Schemas = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "schemas", "argocd"));

    [CrdSchemaFact]
    public void Every_previewed_Application_validates_against_the_CRD()
    {
        var schema = CrdSchema.Load(Path.Combine(Schemas, "application-crd.yaml"));
        var (exit, stdout, stderr) = ToolRunner.Run("preview", "--appset", ToolRunner.Fixture("scenario-appset.yaml"), "--clusters", ToolRunner.Fixture("clusters"), "-o", "json");
        Assert.True(exit == 0, stderr);
        var applications = JObject.Parse(stdout)["applications"]!.Children().ToList();
        Assert.Equal(3, applications.Count);
        foreach (var application in applications)
        {
            var errors = schema.Validate(application);
            Assert.True(errors.Count == 0, (string?)application["metadata"]?["name"] + ": " + string.Join("; ", errors));
        }

        // The check can fail: a field the CRD does not know is rejected.
        var broken = (JObject)applications[0].DeepClone();
        broken["spec"]!["sourcee"] = "typo";
        Assert.Contains(schema.Validate(broken), e => e.Contains("sourcee: NoAdditionalPropertiesAllowed", StringComparison.Ordinal));
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}

/// <summary>A fact that needs Argo CD's CRDs in ../shared/schemas beside the repository, skipped with a message without them.</summary>
public sealed class CrdSchemaFactAttribute : FactAttribute
{
    public CrdSchemaFactAttribute()
    {
        if (!Directory.Exists(PreviewSchemaTests.Schemas)) Skip = "needs ../shared/schemas beside the repository (the Argo CD CRDs); it is absent here";
    }
}
