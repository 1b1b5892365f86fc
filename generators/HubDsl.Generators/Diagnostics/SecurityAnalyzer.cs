using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Diagnostics;

/// <summary>HUB013 credentials as text, HUB014 insecure connections, HUB015 prune with allowEmpty.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecurityAnalyzer : FleetRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public SecurityAnalyzer()
        : base(Descriptors.CredentialLiteral, Descriptors.InsecureConnection, Descriptors.PruneAllowEmpty)
    {
    }
}
