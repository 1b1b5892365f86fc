using System.Collections.Immutable;
using HubDsl.Core.Manifests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Diagnostics;

/// <summary>
/// HUB023: the MSBuild property <c>HubDslFleet</c> (the project's fleet identity, the label
/// <c>fleet.hubdsl.io/&lt;id&gt;</c> on every hub object) is not a valid label name. It has no source span, so the
/// diagnostic has no location: the build names the project.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FleetIdentityAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidFleetIdentity);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(static compilation =>
        {
            if (!compilation.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(FleetIdentity.BuildPropertyKey, out var declared)
                || string.IsNullOrWhiteSpace(declared)
                || FleetIdentity.Problem(declared) is not { } problem)
            {
                return;
            }

            compilation.ReportDiagnostic(Diagnostic.Create(
                Descriptors.InvalidFleetIdentity,
                Location.None,
                "HubDslFleet '" + declared + "' is not a valid fleet identity: " + problem + ". It becomes the label name in fleet.hubdsl.io/<fleet>, so it must be a Kubernetes label name in lower case (at most 63 characters); change <HubDslFleet> in the project file."));
        });
    }
}
