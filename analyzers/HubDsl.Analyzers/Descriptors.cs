using Microsoft.CodeAnalysis;

namespace HubDsl.Analyzers;

/// <summary>The catalog of HubDsl diagnostics. IDs are stable once shipped.</summary>
internal static class Descriptors
{
    private const string HelpRoot = "https://github.com/hubdsl/hubdsl/blob/main/docs/diagnostics/";

    public const string EvaluationCategory = "HubDsl.Evaluation";

    /// <summary>HUB001: a declaration cannot be evaluated at compile time.</summary>
    public static readonly DiagnosticDescriptor CannotEvaluate = new(
        id: "HUB001",
        title: "Declaration cannot be evaluated at compile time",
        messageFormat: "{0}",
        category: EvaluationCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "HubDsl evaluates fleet declarations while compiling, without running your code. Use literals, constants, interpolated strings, object and collection initializers, collection expressions, 'with' and references to other declared static members.",
        helpLinkUri: HelpRoot + "HUB001.md");
}
