using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HubDsl.Analyzers.Tests;

/// <summary>Chart files as the package's props hand them to the analyzers: additional files under the project directory.</summary>
internal static class ChartFiles
{
    /// <summary>The example's chart (examples/AgentFleet/helm), at /0/helm/ like the example's sources at /0/.</summary>
    public static ImmutableArray<AdditionalText> Example([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        var folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "examples", "AgentFleet", "helm"));
        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is "Chart.yaml" or "values.yaml" or "values.schema.json" || f.Contains(Path.DirectorySeparatorChar + "templates" + Path.DirectorySeparatorChar))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (AdditionalText)new InMemoryText("/0/helm/" + Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToImmutableArray();
    }

    public static ImmutableArray<AdditionalText> Of(params (string Path, string Text)[] files) =>
        files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
