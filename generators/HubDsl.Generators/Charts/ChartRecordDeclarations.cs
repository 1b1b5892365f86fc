using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Charts.Records;
using HubDsl.Core.Model;
using HubDsl.Generators.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HubDsl.Generators.Charts;

/// <summary>
/// Reads a <c>[ChartValues(chartPath)]</c> declaration into the record to write. A declaration the generator cannot
/// complete (not a partial record deriving from HelmValues, nested in a type that is not partial or is generic, no chart
/// path) gives no target and a problem (HUB033); the generator then writes nothing for it.
/// </summary>
internal static class ChartRecordDeclarations
{
    public static ChartRecordTarget? Target(INamedTypeSymbol type, AttributeData attribute, out string? problem)
    {
        var where = "[ChartValues] on " + type.Name;
        var chartPath = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (string.IsNullOrWhiteSpace(chartPath))
        {
            problem = where + ": give the chart folder relative to the project, as in HelmSource.Path ([ChartValues(\"helm\")]).";
            return null;
        }

        if (!type.IsRecord || type.IsValueType || !TypeShapes.IsHelmValues(type) || !IsPartial(type))
        {
            problem = where + ": HubDsl writes the properties of a partial record deriving from HelmValues; declare it as 'public partial record " + type.Name + " : HelmValues;'.";
            return null;
        }

        if (type.IsGenericType)
        {
            problem = where + ": a generic record cannot be typed from a chart; remove its type parameters.";
            return null;
        }

        var containing = new List<string>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (!IsPartial(outer) || outer.IsGenericType)
            {
                problem = where + ": it is nested in " + outer.Name + ", which must be a partial, non-generic type for HubDsl to add the properties; make it partial or move the record out.";
                return null;
            }

            containing.Insert(0, "partial " + Keyword(outer) + " " + outer.Name);
        }

        problem = null;
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        // The user's own members (not those this generator adds, which the analyzers' compilation also holds).
        var own = type.GetMembers().Where(m => !m.IsImplicitlyDeclared && m.DeclaringSyntaxReferences.Any(r => !r.SyntaxTree.FilePath.Replace('\\', '/').Contains("/" + ChartRecordPipeline.HintPrefix))).ToList();
        var keys = own.OfType<IPropertySymbol>().Where(p => !p.IsStatic).Select(p => ChartRecordTarget.KeyOf(p.Name, ValuesKey(p)));
        return new ChartRecordTarget(ns, containing.ToEquatableArray(), type.Name, chartPath!)
        {
            DeclaredKeys = keys.OrderBy(k => k, System.StringComparer.Ordinal).ToEquatableArray(),
            DeclaredNames = own.Select(m => m.Name).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray(),
        };
    }

    private static string? ValuesKey(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && TypeShapes.FullName(attributeClass) == HubDsl.Core.Declarations.DslNames.ValuesKeyAttribute
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string key)
            {
                return key;
            }
        }

        return null;
    }

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Length > 0 && type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax t && t.Modifiers.Any(m => m.ValueText == "partial"));

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, IsValueType: true } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };
}
