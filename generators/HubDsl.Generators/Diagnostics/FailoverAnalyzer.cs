using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Diagnostics;

/// <summary>HUB028 to HUB031: failover pairs that cannot take over.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FailoverAnalyzer : FleetRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public FailoverAnalyzer()
        : base(Descriptors.FailoverNotTargeted, Descriptors.FailoverValuesDiffer, Descriptors.FailoverSameRegion, Descriptors.InvalidFailover)
    {
    }
}
