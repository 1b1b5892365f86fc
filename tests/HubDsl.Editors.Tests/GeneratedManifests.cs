using Microsoft.CodeAnalysis;

namespace HubDsl.Editors.Tests;

/// <summary>The manifests a compilation carries as <c>[assembly: GeneratedManifest(path, content)]</c>, as the build task reads them.</summary>
internal static class GeneratedManifests
{
    public static SortedDictionary<string, string> Of(Compilation compilation)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != "HubDsl.GeneratedManifestAttribute") continue;
            if (attribute.ConstructorArguments is [{ Value: string path }, { Value: string content }]) files[path] = content;
        }

        return files;
    }
}
