using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Cli.Watch;

/// <summary>
/// The analyzers a pass runs: those that can decide whether the build fails (a descriptor whose severity, after
/// the project's options, can be an error: an error by default, a warning under TreatWarningsAsErrors, or one that
/// WarningsAsErrors, .editorconfig or a global config makes an error), and HubDsl's own (their warnings are in the
/// report). Nothing else can change what watch writes or reports, so the SDK's code-style and quality analyzers,
/// which the build runs for warnings only, are skipped; the command-line compiler likewise skips analyzers that
/// can only report hidden or info diagnostics (Roslyn's CommonCompiler passes a SeverityFilter to its
/// AnalyzerDriver). A bulk severity setting (all analyzers, or a category) keeps every analyzer. Suppressors always run.
/// </summary>
internal static class AnalyzerSelection
{
    public static ImmutableArray<DiagnosticAnalyzer> ThatMatter(ImmutableArray<DiagnosticAnalyzer> analyzers, Compilation compilation, AnalyzerConfigOptionsProvider options)
    {
        if (HasBulkSeverity(options.GlobalOptions) || compilation.SyntaxTrees.Any(t => HasBulkSeverity(options.GetOptions(t)))) return analyzers;
        return analyzers.Where(a => a is DiagnosticSuppressor || Matters(a, compilation)).ToImmutableArray();
    }

    private static bool HasBulkSeverity(AnalyzerConfigOptions options) =>
        options.Keys.Any(k => k.StartsWith("dotnet_analyzer_diagnostic.", StringComparison.OrdinalIgnoreCase) && k.EndsWith(".severity", StringComparison.OrdinalIgnoreCase));

    private static bool Matters(DiagnosticAnalyzer analyzer, Compilation compilation)
    {
        ImmutableArray<DiagnosticDescriptor> descriptors;
        try
        {
            descriptors = analyzer.SupportedDiagnostics;
        }
        catch (Exception)
        {
            return true; // Let the driver run it and report its failure (AD0001), as the build does.
        }

        var warningsAreErrors = compilation.Options.GeneralDiagnosticOption == ReportDiagnostic.Error;
        foreach (var descriptor in descriptors)
        {
            var hubDsl = descriptor.Id.StartsWith("HUB", StringComparison.Ordinal);
            foreach (var configured in Severities(descriptor.Id, compilation))
            {
                var severity = configured switch
                {
                    ReportDiagnostic.Default => descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : (DiagnosticSeverity?)null,
                    ReportDiagnostic.Error => DiagnosticSeverity.Error,
                    ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
                    ReportDiagnostic.Info => DiagnosticSeverity.Info,
                    ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
                    _ => null,
                };
                if (severity == DiagnosticSeverity.Error || (severity == DiagnosticSeverity.Warning && warningsAreErrors)) return true;
                if (hubDsl && severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Info) return true;
            }
        }

        return false;
    }

    // Every severity the id can have somewhere in the compilation (Default: not configured, the descriptor decides).
    private static IEnumerable<ReportDiagnostic> Severities(string id, Compilation compilation)
    {
        var options = compilation.Options;
        if (options.SpecificDiagnosticOptions.TryGetValue(id, out var specific))
        {
            yield return specific;
            yield break;
        }

        var provider = options.SyntaxTreeOptionsProvider;
        var fallback = provider is not null && provider.TryGetGlobalDiagnosticValue(id, CancellationToken.None, out var global) ? global : ReportDiagnostic.Default;
        yield return fallback;
        if (provider is null) yield break;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (provider.TryGetDiagnosticValue(tree, id, CancellationToken.None, out var local)) yield return local;
        }
    }
}
