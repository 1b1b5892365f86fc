using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HubDsl.Cli.Watch;

/// <summary>
/// The first half of a pass: the compilation with the generated code, the generators' own diagnostics, and the
/// manifests read from it as the build task reads them from the assembly (read on first use, so the file sync can
/// read them while the compiler and analyzers run). <see cref="TimedDiagnostics"/> complete it into a <see cref="PassResult"/>.
/// </summary>
internal sealed class GeneratedPass(Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics, Func<Compilation, IReadOnlyList<GeneratedManifest>> readManifests, long milliseconds)
{
    private readonly Lazy<IReadOnlyList<GeneratedManifest>> _manifests = new(() => readManifests(output), LazyThreadSafetyMode.ExecutionAndPublication);

    public Compilation Output => output;

    public ImmutableArray<Diagnostic> GeneratorDiagnostics => generatorDiagnostics;

    public IReadOnlyList<GeneratedManifest> Manifests => _manifests.Value;

    public PassResult With(TimedDiagnostics diagnostics) =>
        new(Manifests, diagnostics.Diagnostics) { GenerateMilliseconds = milliseconds, DiagnosticsMilliseconds = diagnostics.Milliseconds };
}
