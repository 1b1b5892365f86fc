using System.Collections.Generic;
using System.Linq;
using System.Threading;
using HubDsl.Core.Binding;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;
using HubDsl.Generators.Evaluation;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Binding;

/// <summary>
/// Binds a declaration class to Core's models: its members are evaluated (the only place symbols are touched)
/// and handed to Core's binders. The analyzers bind the same way, with origins recorded.
/// </summary>
internal static class DeclarationBinder
{
    public static FleetModel BindFleet(INamedTypeSymbol type, AttributeData attribute, Compilation compilation, bool recordOrigins, CancellationToken cancellationToken, out IReadOnlyList<DeclarationError> errors, IMemberValueCache? cache = null)
    {
        var evaluator = new DeclarationEvaluator(compilation, recordOrigins, cancellationToken, cache);
        var members = Members(type, evaluator, recordOrigins, m => TypeShapes.FullName(m) == DslNames.Cluster, cancellationToken);
        var fleet = FleetBinder.Bind(TypeShapes.FullName(type), NamedString(attribute, "Namespace") ?? "argocd", members, out var bindErrors);
        errors = evaluator.Errors.Concat(bindErrors).ToList();
        return fleet;
    }

    public static HubModel? BindHub(INamedTypeSymbol type, Compilation compilation, bool recordOrigins, CancellationToken cancellationToken, out IReadOnlyList<DeclarationError> errors, IMemberValueCache? cache = null)
    {
        var evaluator = new DeclarationEvaluator(compilation, recordOrigins, cancellationToken, cache);
        var members = Members(type, evaluator, recordOrigins, m => TypeShapes.FullName(m) == DslNames.HubInstall, cancellationToken);
        if (evaluator.Errors.Count > 0)
        {
            errors = evaluator.Errors.ToList();
            return null;
        }

        return HubBinder.Bind(TypeShapes.FullName(type), members, out errors);
    }

    public static ApplicationSetModel? BindApplicationSet(INamedTypeSymbol type, AttributeData attribute, Compilation compilation, bool recordOrigins, CancellationToken cancellationToken, out IReadOnlyList<DeclarationError> errors, IMemberValueCache? cache = null)
    {
        var evaluator = new DeclarationEvaluator(compilation, recordOrigins, cancellationToken, cache);
        var members = Members(type, evaluator, recordOrigins, IsApplicationSetMemberType, cancellationToken);
        var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (name is null)
        {
            errors = evaluator.Errors.Concat(new[] { new DeclarationError(type.Name + ": [ApplicationSet] needs a name.", null) }).ToList();
            return null;
        }

        var options = new ApplicationSetOptions(
            name,
            NamedString(attribute, "Namespace") ?? "argocd",
            NamedValue(attribute, "GoTemplate") is true,
            MissingKeyName(attribute),
            NamedValue(attribute, "PreserveResourcesOnDeletion") is true);
        // A member that could not be evaluated is missing from the members; binding them would only add
        // misleading follow-on errors ("needs an ApplicationTemplate member").
        if (evaluator.Errors.Count > 0)
        {
            errors = evaluator.Errors.ToList();
            return null;
        }

        var model = ApplicationSetBinder.Bind(TypeShapes.FullName(type), options, members, out var bindErrors);
        errors = bindErrors;
        return model is not null && recordOrigins ? model with { Origin = IdentifierSpan(type) } : model;
    }

    private static SourceSpan? IdentifierSpan(ISymbol symbol) =>
        symbol.Locations.FirstOrDefault() is { SourceTree: { } tree } location ? new SourceSpan(tree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length) : null;

    private static bool IsApplicationSetMemberType(ITypeSymbol type) =>
        TypeShapes.FullName(type) is DslNames.ApplicationTemplate or DslNames.ClusterSelector or DslNames.ClusterGenerator or DslNames.RollingSync or DslNames.DeployedResources or DslNames.AppProject or DslNames.Failover;

    private static List<DslMember> Members(INamedTypeSymbol type, DeclarationEvaluator evaluator, bool recordOrigins, System.Func<ITypeSymbol, bool> wanted, CancellationToken cancellationToken)
    {
        var members = new List<DslMember>();
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!member.IsStatic || member.IsImplicitlyDeclared) continue;
            var memberType = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (memberType is null) continue;
            var environment = ValuesEnvironment(member);
            if (environment is null && !wanted(memberType)) continue;
            var errorCount = evaluator.Errors.Count;
            var value = evaluator.EvaluateMember(member);
            evaluator.NameErrorsSince(errorCount, type.Name + "." + member.Name);
            if (value is null) continue;
            var origin = recordOrigins ? IdentifierSpan(member) : null;
            // A [ChartValues] record's own defaults are the chart's: the fleet's defaults file holds only what differs from them.
            var chartBase = environment is not null && Charts.ChartValuesTypes.ChartRecordOf(memberType) is { } chartRecord ? Charts.ChartValuesTypes.ChartDefaults(chartRecord, evaluator.EvaluateDefaults(chartRecord)) : null;
            members.Add(new DslMember(member.Name, TypeShapes.FullName(memberType), value, environment, origin) { ChartBase = chartBase });
        }

        return members;
    }

    // "" for [Values], the environment for [Values("prod")], null when the member has no [Values].
    private static string? ValuesEnvironment(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && TypeShapes.FullName(attributeClass) == DslNames.ValuesAttribute)
            {
                return attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
            }
        }

        return null;
    }

    private static object? NamedValue(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name) return argument.Value.Value;
        }

        return null;
    }

    private static string? NamedString(AttributeData attribute, string name) => NamedValue(attribute, name) as string;

    private static string MissingKeyName(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key != "MissingKey" || argument.Value.Type is not INamedTypeSymbol enumType) continue;
            foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
            {
                if (field.HasConstantValue && Equals(field.ConstantValue, argument.Value.Value)) return field.Name;
            }
        }

        return "Default";
    }
}
