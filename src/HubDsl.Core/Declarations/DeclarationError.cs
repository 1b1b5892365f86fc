using HubDsl.Core.Yaml;

namespace HubDsl.Core.Declarations;

/// <summary>
/// A declaration that cannot be evaluated or bound (HUB001): what is wrong and how to fix it, and where.
/// </summary>
public sealed record DeclarationError(string Message, SourceSpan? Origin);
