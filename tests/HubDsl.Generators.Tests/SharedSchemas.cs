namespace HubDsl.Generators.Tests;

/// <summary>
/// The shared schemas folder beside the repository (Argo CD CRDs, the argo-cd chart's values). Tests that need
/// it are skipped, saying so, where it is absent.
/// </summary>
internal static class SharedSchemas
{
    public static string Folder => Path.GetFullPath(Path.Combine(GeneratorHarness.RepositoryRoot(), "..", "shared", "schemas"));

    public static string ChartValues => Path.Combine(Folder, "argo-cd-chart", "values.yaml");

    public const string MissingMessage = "needs ../shared/schemas beside the repository (the Argo CD CRDs and argo-cd chart values); it is absent here";
}

/// <summary>A fact that is skipped when the shared schemas are absent.</summary>
public sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute()
    {
        if (!File.Exists(SharedSchemas.ChartValues)) Skip = SharedSchemas.MissingMessage;
    }
}

/// <summary>A theory that is skipped when the shared schemas are absent.</summary>
public sealed class SchemaTheoryAttribute : TheoryAttribute
{
    public SchemaTheoryAttribute()
    {
        if (!File.Exists(SharedSchemas.ChartValues)) Skip = SharedSchemas.MissingMessage;
    }
}
