using HubDsl.Core.Declarations;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Evaluation;

/// <summary>What kind of value a C# type stands for in a declaration.</summary>
internal static class TypeShapes
{
    public const string DslNamespace = DslNames.Namespace;

    /// <summary>The type's full name as the binders know it, e.g. <c>HubDsl.Cluster</c>.</summary>
    public static string FullName(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        var outer = type.ContainingType is { } containing ? FullName(containing).Substring(ns.Length) + "." : string.Empty;
        return ns + outer + type.Name;
    }

    /// <summary>A type of the HubDsl library (its static members are given meaning by the binders).</summary>
    public static bool IsDslType(ITypeSymbol? type) =>
        type is not null && type.ContainingNamespace is { } ns && ns.ToDisplayString() == DslNamespace;

    public static bool IsHelmValues(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (FullName(current) == DslNames.HelmValues) return true;
        }

        return false;
    }

    public static bool IsDictionary(ITypeSymbol type) => Implements(type, "IDictionary") || Implements(type, "IReadOnlyDictionary");

    public static bool IsList(ITypeSymbol type) =>
        type.SpecialType != SpecialType.System_String && !IsDictionary(type)
        && (type is IArrayTypeSymbol || Implements(type, "IEnumerable"));

    private static bool Implements(ITypeSymbol type, string interfaceName)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Interface } self && IsCollectionsInterface(self, interfaceName)) return true;
        foreach (var candidate in type.AllInterfaces)
        {
            if (IsCollectionsInterface(candidate, interfaceName)) return true;
        }

        return false;
    }

    private static bool IsCollectionsInterface(INamedTypeSymbol type, string name) =>
        type.Name == name && type.ContainingNamespace?.ToDisplayString() is "System.Collections.Generic" or "System.Collections";
}
