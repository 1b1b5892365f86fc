using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Diagnostics;

/// <summary>HUB019 two declarations generate one file path, HUB020 a generated path that is not a portable relative file path.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OutputPathAnalyzer : FleetRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public OutputPathAnalyzer()
        : base(Descriptors.DuplicateOutputPath, Descriptors.NonPortableOutputPath)
    {
    }
}
