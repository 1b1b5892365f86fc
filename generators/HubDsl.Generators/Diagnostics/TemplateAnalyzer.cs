using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubDsl.Generators.Diagnostics;

/// <summary>
/// What Argo CD will generate, checked by rendering the ApplicationSet against the declared clusters with the
/// shared renderer: HUB002 parameters, HUB005 selectors, HUB008/HUB009 names, HUB016 RollingSync, HUB017 syntax, HUB018 AppProject limits,
/// HUB021 a render past the editor's work limits.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TemplateAnalyzer : FleetRuleAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public TemplateAnalyzer()
        : base(Descriptors.UnknownParameter, Descriptors.SelectorMatchesNothing, Descriptors.InvalidApplicationName,
               Descriptors.DuplicateApplicationName, Descriptors.RollingSyncCoverage, Descriptors.WrongTemplateSyntax, Descriptors.OutsideProject, Descriptors.RenderLimitExceeded)
    {
    }
}
