namespace HubDsl.Editors.Tests;

/// <summary>csharp-ls: HUBDSL_CSHARP_LS, else .tools/csharp-ls/csharp-ls (installed by .ci/install-tools.sh), else none.</summary>
internal static class CsharpLs
{
    public const string MissingMessage = "csharp-ls is not installed: run 'bash .ci/install-tools.sh' (CI does) to put csharp-ls 0.28.0 in .tools/csharp-ls/";

    public static string? Path { get; } = new[]
    {
        Environment.GetEnvironmentVariable("HUBDSL_CSHARP_LS"),
        System.IO.Path.Combine(FleetWithLibrary.RepositoryRoot(), ".tools", "csharp-ls", "csharp-ls"),
    }.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c));
}

/// <summary>A fact skipped, with instructions, when csharp-ls is not installed.</summary>
public sealed class CsharpLsFactAttribute : FactAttribute
{
    public CsharpLsFactAttribute()
    {
        if (CsharpLs.Path is null) Skip = CsharpLs.MissingMessage;
    }
}
