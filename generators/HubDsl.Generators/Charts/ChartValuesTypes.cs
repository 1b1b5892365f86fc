using System.Linq;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Generators.Evaluation;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Charts;

/// <summary>Recognises <c>[ChartValues]</c> records and the ApplicationSets whose <c>[Values]</c> use them.</summary>
internal static class ChartValuesTypes
{
    /// <summary>The <c>[ChartValues]</c> attribute on the type, if any.</summary>
    public static AttributeData? ChartValuesAttribute(ITypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && TypeShapes.FullName(attributeClass) == DslNames.ChartValuesAttribute) return attribute;
        }

        return null;
    }

    /// <summary>The <c>[ChartValues]</c> record the type is or derives from, else null.</summary>
    public static INamedTypeSymbol? ChartRecordOf(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (ChartValuesAttribute(current) is not null) return current;
        }

        return null;
    }

    /// <summary>Whether a <c>[Values]</c> member of the class has a <c>[ChartValues]</c> type (its properties exist only in the generator's output).</summary>
    public static bool UsesChartValues(INamedTypeSymbol declaration)
    {
        foreach (var member in declaration.GetMembers())
        {
            if (!member.IsStatic) continue;
            var type = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (type is null || ChartRecordOf(type) is null) continue;
            foreach (var attribute in member.GetAttributes())
            {
                if (attribute.AttributeClass is { } attributeClass && TypeShapes.FullName(attributeClass) == DslNames.ValuesAttribute) return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The chart's defaults from the record's: only the properties generated from the chart. A property of the user's own
    /// part has the fleet's default, not the chart's, so it is left out and always written to the fleet's defaults file.
    /// </summary>
    public static DslObject? ChartDefaults(INamedTypeSymbol chartRecord, DslObject? defaults)
    {
        if (defaults is null) return null;
        var generated = defaults.Properties.Where(p => chartRecord.GetMembers(p.Name).Any(m => m.DeclaringSyntaxReferences.Any(r => r.SyntaxTree.FilePath.Replace('\\', '/').Contains("/" + ChartRecordPipeline.HintPrefix))));
        return defaults with { Properties = generated.ToEquatableArray() };
    }
}
