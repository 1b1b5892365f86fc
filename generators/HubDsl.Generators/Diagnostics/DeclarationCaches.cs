using HubDsl.Generators.Charts;
using HubDsl.Generators.Evaluation;

namespace HubDsl.Generators.Diagnostics;

/// <summary>
/// The evaluation caches the analyzers' position-free tier binds with, chosen per declaration as the generator chooses:
/// the project's line for ordinary declarations, the augmented line for the ApplicationSets whose <c>[Values]</c> use
/// <c>[ChartValues]</c> records (<see cref="ChartTypedApplicationSets"/>). Each line then holds the values the generator
/// stored, and the analyzers evaluate nothing again.
/// </summary>
internal sealed class DeclarationCaches
{
    private readonly IMemberValueCache? _project;
    private readonly IMemberValueCache? _charts;

    public DeclarationCaches(IMemberValueCache? project, IMemberValueCache? charts)
    {
        _project = project;
        _charts = charts;
    }

    public IMemberValueCache? For(FleetDeclaration declaration) =>
        _charts is not null && declaration.Kind == DeclarationKind.ApplicationSet && ChartValuesTypes.UsesChartValues(declaration.Type) ? _charts : _project;
}
