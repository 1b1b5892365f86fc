using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using HubDsl.Core.Model;
using Microsoft.CodeAnalysis;

namespace HubDsl.Generators.Evaluation;

/// <summary>
/// Values of declarations made in a referenced project: its public static members and the property defaults
/// of its public types (values records, shared clusters). A reference arrives in one of two shapes, and both
/// must give the same value:
/// <list type="bullet">
/// <item>an editor gives a project reference as the other project's compilation: its initializers are evaluated
/// from source in that compilation (never through this one, which does not own their syntax trees);</item>
/// <item><c>dotnet build</c> gives the compiled assembly, where initializers are gone: the HubDsl generator of
/// that project recorded each value in an <c>[assembly: EvaluatedValue]</c> attribute (<see cref="Export"/>),
/// evaluated by the same code, and it is read back from there.</item>
/// </list>
/// HubDsl's own types are never read this way: their defaults belong to the binders, in both shapes.
/// </summary>
internal static class ReferencedValues
{
    public const string AttributeName = "HubDsl.EvaluatedValueAttribute";

    /// <summary>The version of the recorded format; a reader refuses others rather than misreading them.</summary>
    public const string FormatVersion = "1";

    /// <summary>A recorded value longer than this is refused (an assembly attribute is no place for megabytes).</summary>
    public const int MaxTextLength = 1 << 20;

    private static readonly ConditionalWeakTable<IAssemblySymbol, Dictionary<string, string>> Recorded = new();

    public static string MemberKey(ISymbol member) => "M:" + MemberKeys.Of(member);

    public static string TypeKey(INamedTypeSymbol type) => "T:" + MemberKeys.OfType(type);

    /// <summary>A static member's value, evaluated in <paramref name="owner"/>, the compilation that declares it.</summary>
    public static ReferencedValue Member(Compilation owner, ISymbol member, CancellationToken cancellationToken, IMemberValueCache? cache = null)
    {
        if (InOwner(owner, member) is not { } own) return ReferencedValue.Failed("it cannot be found in the project that declares it.");
        var evaluator = new DeclarationEvaluator(owner, recordOrigins: false, cancellationToken, cache);
        var value = evaluator.EvaluateMember(own);
        return Result(value, evaluator);
    }

    /// <summary>A type's property defaults, evaluated in <paramref name="owner"/>, the compilation that declares it.</summary>
    public static ReferencedValue Defaults(Compilation owner, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (InOwner(owner, type) is not INamedTypeSymbol own) return ReferencedValue.Failed("it cannot be found in the project that declares it.");
        var evaluator = new DeclarationEvaluator(owner, recordOrigins: false, cancellationToken);
        var value = evaluator.EvaluateDefaults(own);
        return Result(value, evaluator);
    }

    /// <summary>The value recorded in a referenced assembly under <paramref name="key"/>.</summary>
    /// <returns><see cref="ReferencedValue.Unknown"/> when the assembly records nothing under that key.</returns>
    public static ReferencedValue FromMetadata(IAssemblySymbol assembly, string key, out bool assemblyRecordsValues)
    {
        var recorded = Recorded.GetValue(assembly, Read);
        assemblyRecordsValues = recorded.TryGetValue(string.Empty, out var version) && version == FormatVersion;
        if (!assemblyRecordsValues || !recorded.TryGetValue(key, out var text)) return ReferencedValue.Unknown;
        if (text.StartsWith("!", System.StringComparison.Ordinal)) return ReferencedValue.Failed(text.Substring(1));
        return DslValueText.Read(text) is { } value ? ReferencedValue.Of(value) : ReferencedValue.Failed("its recorded value is unreadable; rebuild that project.");
    }

    /// <summary>What a project records for its public declarations in <paramref name="type"/>: keys and texts.</summary>
    public static IEnumerable<StringPair> Export(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken, IMemberValueCache? cache = null)
    {
        if (!IsVisibleOutside(type) || TypeShapes.IsDslType(type) || type.IsImplicitlyDeclared) yield break;
        if (!type.IsStatic && type.TypeKind is TypeKind.Class or TypeKind.Struct)
        {
            yield return new StringPair(TypeKey(type), Text(Defaults(compilation, type, cancellationToken)));
        }

        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!member.IsStatic || member.IsImplicitlyDeclared || member.DeclaredAccessibility != Accessibility.Public) continue;
            if (member is IFieldSymbol { IsConst: false } or IPropertySymbol { IsIndexer: false })
            {
                yield return new StringPair(MemberKey(member), Text(Member(compilation, member, cancellationToken, cache)));
            }
        }
    }

    /// <summary>The marker that says an assembly records its values, in this format.</summary>
    public static StringPair VersionMarker { get; } = new(string.Empty, FormatVersion);

    private static string Text(ReferencedValue result)
    {
        if (result.Value is null) return "!" + result.Error;
        var text = DslValueText.Write(result.Value);
        return text.Length <= MaxTextLength ? text : "!its value is over " + (MaxTextLength >> 20) + " MiB as text, too large to carry to other projects; declare it in the project that uses it.";
    }

    private static ReferencedValue Result(Core.Declarations.DslValue? value, DeclarationEvaluator evaluator)
    {
        if (value is not null && evaluator.Errors.Count == 0) return ReferencedValue.Of(value);
        return ReferencedValue.Failed(evaluator.Errors.FirstOrDefault()?.Message ?? "it cannot be evaluated.");
    }

    // The same declaration as a symbol of the compilation that owns its syntax (a project reference may hand out
    // retargeting symbols that stand for it).
    private static ISymbol? InOwner(Compilation owner, ISymbol symbol)
    {
        if (SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, owner.Assembly)) return symbol;
        var id = DocumentationCommentId.CreateDeclarationId(symbol);
        if (id is null) return null;
        return DocumentationCommentId.GetSymbolsForDeclarationId(id, owner).FirstOrDefault(s => SymbolEqualityComparer.Default.Equals(s.ContainingAssembly, owner.Assembly));
    }

    private static bool IsVisibleOutside(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility != Accessibility.Public) return false;
        }

        return true;
    }

    private static Dictionary<string, string> Read(IAssemblySymbol assembly)
    {
        var recorded = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != AttributeName || attribute.ConstructorArguments.Length != 2) continue;
            if (attribute.ConstructorArguments[0].Value is string key && attribute.ConstructorArguments[1].Value is string value && !recorded.ContainsKey(key))
            {
                recorded[key] = value;
            }
        }

        return recorded;
    }
}
