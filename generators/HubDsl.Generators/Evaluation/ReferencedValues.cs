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
/// that project recorded each value in an <c>[assembly: EvaluatedValue]</c> attribute (<see cref="Record"/>),
/// evaluated by the same code, and it is read back from there.</item>
/// </list>
/// A project records its values unless <c>HubDslRecordValues</c> turns it off (by default in a project that declares
/// a fleet); then it records only why, so that a project using its declarations can name the fix.
/// HubDsl's own types are never read this way: their defaults belong to the binders, in both shapes.
/// </summary>
internal static class ReferencedValues
{
    public const string AttributeName = "HubDsl.EvaluatedValueAttribute";

    /// <summary>The version of the recorded format; a reader refuses others rather than misreading them.</summary>
    public const string FormatVersion = "1";

    /// <summary>A recorded value longer than this is refused (an assembly attribute is no place for megabytes).</summary>
    public const int MaxTextLength = 1 << 20;

    /// <summary>The key of the attribute that says a project records no values, and why.</summary>
    public const string OffKey = "off";

    /// <summary>Why a project records no values: it declares a fleet (the default then), or the property says false.</summary>
    public const string OffInFleet = "fleet";

    /// <inheritdoc cref="OffInFleet"/>
    public const string OffByProperty = "property";

    /// <summary>The MSBuild property that turns recording on or off (a compiler-visible property).</summary>
    public const string Property = "HubDslRecordValues";

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

    /// <summary>
    /// The value recorded in a referenced assembly under <paramref name="key"/>, or why there is none.
    /// <see cref="ReferencedValue.Unknown"/> for a type's defaults the assembly does not record (its properties start
    /// at their C# defaults), unless the assembly says it turned recording off.
    /// </summary>
    public static ReferencedValue FromMetadata(IAssemblySymbol assembly, string key, bool isType)
    {
        var recorded = Recorded.GetValue(assembly, Read);
        if (recorded.TryGetValue(VersionMarker.Key, out var version) && version == FormatVersion)
        {
            if (!recorded.TryGetValue(key, out var text))
            {
                return isType ? ReferencedValue.Unknown : ReferencedValue.Failed("its assembly records no value for it (only public static members of public types are recorded).");
            }

            if (text.StartsWith("!", System.StringComparison.Ordinal)) return ReferencedValue.Failed(text.Substring(1));
            return DslValueText.Read(text) is { } value ? ReferencedValue.Of(value) : ReferencedValue.Failed("its recorded value is unreadable; rebuild that project.");
        }

        if (recorded.TryGetValue(OffKey, out var reason)) return ReferencedValue.Failed(WhyNotRecorded(reason, assembly.Name));
        if (isType) return ReferencedValue.Unknown;
        return ReferencedValue.Failed("its assembly was built without the HubDsl generator, so its initializer is not in the compiled file. Reference the HubDsl package from that project (it records the values of public declarations), or declare the member in this project.");
    }

    /// <summary>
    /// What a project records for the projects that reference it: the property defaults of its public types and the
    /// values of their public static members, sorted by key. A keystroke that changes none of the initializers a
    /// text was made from reuses the text (<paramref name="cache"/>), so only what an edit touched is evaluated.
    /// </summary>
    public static EquatableArray<StringPair> Record(Compilation compilation, CancellationToken cancellationToken, IMemberValueCache cache)
    {
        var values = new List<StringPair>();
        var types = new Stack<INamespaceOrTypeSymbol>();
        types.Push(compilation.Assembly.GlobalNamespace);
        while (types.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var container = types.Pop();
            foreach (var type in container.GetTypeMembers())
            {
                if (type.DeclaredAccessibility != Accessibility.Public || type.IsImplicitlyDeclared || TypeShapes.IsDslType(type)) continue;
                types.Push(type);
                Record(type, compilation, cancellationToken, cache, values);
            }

            if (container is INamespaceSymbol ns)
            {
                foreach (var inner in ns.GetNamespaceMembers()) types.Push(inner);
            }
        }

        values.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return values.ToEquatableArray();
    }

    /// <summary>The marker that says an assembly records its values, in this format.</summary>
    public static StringPair VersionMarker { get; } = new(string.Empty, FormatVersion);

    /// <summary>The marker that says a project records no values, and why.</summary>
    public static StringPair OffMarker(string reason) => new(OffKey, reason);

    private static string WhyNotRecorded(string reason, string assembly)
    {
        var fix = "Add <" + Property + ">true</" + Property + "> to a PropertyGroup of the project that builds '" + assembly + "' (it then records the values of its public declarations), or declare the member in this project.";
        return reason == OffInFleet
            ? "its project declares a fleet ([Fleet], [ApplicationSet] or [Hub]), and such a project records no values for other projects unless asked. " + fix
            : "its project sets " + Property + " to false, so it records no values for other projects. " + fix;
    }

    // Only public types reach this: a nested type is visible outside when every type around it is public.
    private static void Record(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken, IMemberValueCache cache, List<StringPair> values)
    {
        if (!type.IsStatic && type.TypeKind is TypeKind.Class or TypeKind.Struct)
        {
            values.Add(RecordedText(TypeKey(type), null, cache, () =>
            {
                var evaluator = new DeclarationEvaluator(compilation, recordOrigins: false, cancellationToken, cache);
                var value = evaluator.EvaluateDefaults(type);
                return (Result(value, evaluator), evaluator.DependenciesOf(type));
            }));
        }

        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!member.IsStatic || member.IsImplicitlyDeclared || member.DeclaredAccessibility != Accessibility.Public) continue;
            if (member is not (IFieldSymbol { IsConst: false } or IPropertySymbol { IsIndexer: false })) continue;
            var ownKey = MemberKeys.Of(member);
            values.Add(RecordedText("M:" + ownKey, ownKey, cache, () =>
            {
                var evaluator = new DeclarationEvaluator(compilation, recordOrigins: false, cancellationToken, cache);
                var value = evaluator.EvaluateMember(member);
                return (Result(value, evaluator), evaluator.DependenciesOf(member));
            }));
        }
    }

    // The text kept from an earlier compilation while nothing it was made from changed, else a new one.
    private static StringPair RecordedText(string key, string? ownKey, IMemberValueCache cache, System.Func<(ReferencedValue Value, IReadOnlyCollection<string> Dependencies)> evaluate)
    {
        if (cache.TryGetRecorded(key, out var text)) return new StringPair(key, text);
        var (value, dependencies) = evaluate();
        text = Text(value);
        if (ownKey is not null && !dependencies.Contains(ownKey)) dependencies = new List<string>(dependencies) { ownKey };
        cache.StoreRecorded(key, text, dependencies);
        return new StringPair(key, text);
    }

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
