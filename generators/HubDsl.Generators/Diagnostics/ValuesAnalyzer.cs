using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Diagnostics;

/// <summary>HUB003/HUB004 values per environment, HUB010 quantities, HUB011 requests above limits.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValuesAnalyzer : FleetRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public ValuesAnalyzer()
        : base(Descriptors.MissingEnvironmentValues, Descriptors.UnusedEnvironmentValues, Descriptors.InvalidQuantity, Descriptors.RequestExceedsLimit)
    {
    }
}
