using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Generators.Binding;
using HubDsl.Generators.Caching;
using HubDsl.Generators.Evaluation;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Charts;

/// <summary>
/// Binds the ApplicationSets whose <c>[Values]</c> members use <c>[ChartValues]</c> records. A generator does not see its
/// own output, so in the compilation the other steps get, <c>Defaults with { Replicas = 3 }</c> names a property that
/// does not exist yet; these ApplicationSets are bound in that compilation plus the generated records' trees (the same
/// text and path the generator adds, so the analyzers, on the final compilation, see the same members).
/// </summary>
internal static class ChartTypedApplicationSets
{
    public static EquatableArray<ApplicationSetModel> Bind(ImmutableArray<string> metadataNames, ChartRecordTrees records, Compilation compilation, CancellationToken cancellationToken)
    {
        if (metadataNames.IsDefaultOrEmpty) return EquatableArray<ApplicationSetModel>.Empty;
        var augmented = records.Trees.IsDefaultOrEmpty ? compilation : compilation.AddSyntaxTrees(records.Trees);
        var cache = ChartEvaluationCaches.For(augmented, records.Key, cancellationToken);
        var models = new List<ApplicationSetModel>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var name in metadataNames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!seen.Add(name) || augmented.GetTypeByMetadataName(name) is not { } type) continue;
            var attribute = ApplicationSetAttribute(type);
            if (attribute is null) continue;
            var model = DeclarationBinder.BindApplicationSet(type, attribute, augmented, recordOrigins: false, cancellationToken, out _, cache);
            if (model is not null) models.Add(model);
        }

        return models.ToEquatableArray();
    }

    /// <summary>The metadata name to find the class by in the augmented compilation.</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType) name = outer.MetadataName + "+" + name;
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    private static AttributeData? ApplicationSetAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && TypeShapes.FullName(attributeClass) == DslNames.ApplicationSetAttribute) return attribute;
        }

        return null;
    }
}
