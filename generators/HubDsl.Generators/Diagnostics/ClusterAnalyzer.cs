using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Diagnostics;

/// <summary>HUB006 duplicate cluster names, HUB007 duplicate servers, HUB012 label syntax, HUB022 least-privilege gaps, HUB032 shard over its tolerance.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClusterAnalyzer : FleetRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public ClusterAnalyzer()
        : base(Descriptors.DuplicateClusterName, Descriptors.DuplicateClusterServer, Descriptors.InvalidLabel, Descriptors.LeastPrivilegeIncomplete, Descriptors.ShardOverloaded)
    {
    }
}
