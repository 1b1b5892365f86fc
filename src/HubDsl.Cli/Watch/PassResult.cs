using Microsoft.CodeAnalysis;

namespace HubDsl.Cli.Watch;

/// <summary>One pass over the project: the manifests the build would write, and every diagnostic the build would report.</summary>
internal sealed record PassResult(IReadOnlyList<GeneratedManifest> Manifests, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The errors that make the build fail (it then writes nothing).</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public bool HasErrors => Errors.Any();

    /// <summary>Time spent in the generators, and in compiler and analyzer diagnostics (reported with -o json).</summary>
    public long GenerateMilliseconds { get; init; }

    public long DiagnosticsMilliseconds { get; init; }
}

/// <summary>A manifest the generator put in the assembly: its path under the output root and its content.</summary>
internal sealed record GeneratedManifest(string Path, string Content);
