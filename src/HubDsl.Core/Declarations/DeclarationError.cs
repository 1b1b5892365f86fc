using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Declarations;

/// <summary>
/// A declaration that cannot be evaluated or bound (HUB001): what is wrong and how to fix it, and where.
/// </summary>
public sealed record DeclarationError(string Message, SourceSpan? Origin)
{
    /// <summary><see cref="DiagnosticIds.CannotEvaluate"/>, or <see cref="DiagnosticIds.ReferencedInitializer"/> for a declaration of a referenced assembly.</summary>
    public string Id { get; init; } = DiagnosticIds.CannotEvaluate;
}
