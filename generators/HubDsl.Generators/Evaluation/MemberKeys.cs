using System.Text;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Evaluation;

/// <summary>
/// Names a member by its declaration (namespace, containing types with arity, member name) so that the
/// same member has the same key in two compilations, whether found through a symbol or through syntax.
/// </summary>
internal static class MemberKeys
{
    /// <summary>
    /// The dependency of a value that touched a <c>[ChartValues]</c> record: the generated records' texts (no member key
    /// has no dot, so it names no member). The project's own compilation lacks them and the analyzers' holds them.
    /// </summary>
    public const string ChartRecords = "chart-records";

    public static string Of(ISymbol member)
    {
        var builder = new StringBuilder();
        AppendType(builder, member.ContainingType);
        return builder.Append('.').Append(member.Name).ToString();
    }

    public static string Of(string containingTypeKey, string memberName) => containingTypeKey + "." + memberName;

    /// <summary>The type's part of a member key, e.g. <c>Fleet.Shared+Values`1</c>.</summary>
    public static string OfType(INamedTypeSymbol type)
    {
        var builder = new StringBuilder();
        AppendType(builder, type);
        return builder.ToString();
    }

    private static void AppendType(StringBuilder builder, INamedTypeSymbol? type)
    {
        if (type is null) return;
        if (type.ContainingType is { } outer)
        {
            AppendType(builder, outer);
            builder.Append('+');
        }
        else if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
        {
            builder.Append(ns.ToDisplayString()).Append('.');
        }

        builder.Append(type.MetadataName);
    }
}
