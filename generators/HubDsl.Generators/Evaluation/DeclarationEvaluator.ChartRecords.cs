using System.Collections.Generic;
using HubDsl.Generators.Charts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HubDsl.Generators.Evaluation;

// Which values touched a [ChartValues] record. Its generated part (properties, defaults, nested records) is in the
// analyzers' compilation and not in the project's own, so such a value can differ between the two even when no member
// it read did: `new AgentValues()` has the chart's properties in one and not in the other.
internal sealed partial class DeclarationEvaluator
{
    private readonly Dictionary<ITypeSymbol, bool> _chartShaped = new(SymbolEqualityComparer.Default);

    private void NoteChartRecord(IOperation operation)
    {
        if (_dependencies is null) return;
        // nameof(AgentValues.Replicas) is a constant whose operand is never evaluated.
        var touched = operation is INameOfOperation nameOf ? nameOf.Argument : operation;
        if (IsChartShaped(touched.Type) || touched is IMemberReferenceOperation reference && IsChartShaped(reference.Member.ContainingType)) _dependencies.Read(MemberKeys.ChartRecords);
    }

    private void NoteChartRecord(ITypeSymbol? type)
    {
        if (_dependencies is not null && IsChartShaped(type)) _dependencies.Read(MemberKeys.ChartRecords);
    }

    // A [ChartValues] record, a record derived from one, or a type nested in one (the generated nested records).
    private bool IsChartShaped(ITypeSymbol? type)
    {
        if (type is null) return false;
        if (_chartShaped.TryGetValue(type, out var known)) return known;
        var shaped = false;
        for (var current = type; current is not null && !shaped; current = current.ContainingType)
        {
            shaped = ChartValuesTypes.ChartRecordOf(current) is not null;
        }

        _chartShaped[type] = shaped;
        return shaped;
    }
}
