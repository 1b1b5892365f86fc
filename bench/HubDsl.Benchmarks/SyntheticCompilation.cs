using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubDsl.Benchmarks;

/// <summary>A compilation of the synthetic fleet (plus one unrelated file), as the compiler would see the project.</summary>
public static class SyntheticCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>ApplicationSets in the generator and analyzer benchmarks' fleets: the first targets every cluster, the others the prod and dr clusters.</summary>
    public const int ApplicationSets = 3;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(HubDsl.Cluster).Assembly.Location))
            .ToArray());

    public static CSharpCompilation Create(int clusters, int applicationSets = ApplicationSets, string assemblyName = "Fleet") =>
        CSharpCompilation.Create(
            assemblyName,
            new[] { Fleet(clusters, applicationSets), Unrelated(1) },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static SyntaxTree Fleet(int clusters, int applicationSets = ApplicationSets) =>
        CSharpSyntaxTree.ParseText(SyntheticFleetSource.Write(clusters, applicationSets), ParseOptions, "Fleet.cs");

    /// <summary>A file unrelated to the fleet; <paramref name="version"/> changes a method body, as a keystroke would.</summary>
    public static SyntaxTree Unrelated(int version) =>
        CSharpSyntaxTree.ParseText("public class Other { public int X() { return " + version + "; } }", ParseOptions, "Other.cs");

    /// <summary>The compilation after a keystroke in the unrelated file.</summary>
    public static CSharpCompilation WithUnrelatedEdit(CSharpCompilation compilation, int version) =>
        compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(t => t.FilePath == "Other.cs"), Unrelated(version));

    /// <summary>The compilation after a keystroke inside the fleet: cluster 0's region label changes.</summary>
    public static CSharpCompilation WithFleetEdit(CSharpCompilation compilation, int region)
    {
        var fleet = compilation.SyntaxTrees.Single(t => t.FilePath == "Fleet.cs");
        var text = fleet.GetText();
        var anchor = "[\"region\"] = \"region-0\"";
        var at = text.ToString().IndexOf(anchor, StringComparison.Ordinal);
        var change = new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(at, anchor.Length), "[\"region\"] = \"region-" + region + "\"");
        return compilation.ReplaceSyntaxTree(fleet, fleet.WithChangedText(text.WithChanges(change)));
    }
}
