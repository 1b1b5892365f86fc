using Microsoft.CodeAnalysis;

namespace HubDsl.Cli.Watch;

/// <summary>Every diagnostic of a pass (the generators' included, suppressed ones left out), and the time the compiler and analyzers took.</summary>
internal sealed record TimedDiagnostics(IReadOnlyList<Diagnostic> Diagnostics, long Milliseconds);
