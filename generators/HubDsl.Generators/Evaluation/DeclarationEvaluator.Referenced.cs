using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Declarations;
using HubDsl.Core.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HubDsl.Generators.Evaluation;

// Declarations made in other assemblies (project and package references), through ReferencedValues.
internal sealed partial class DeclarationEvaluator
{
    private readonly Dictionary<ISymbol, ReferencedValue> _referenced = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _reportedReferences = new(SymbolEqualityComparer.Default);
    private Dictionary<SyntaxTree, Compilation>? _owners;

    /// <summary>
    /// The property defaults of a type of this compilation, as a project that references it sees them: an error
    /// when a constructor has statements, since a creation elsewhere would run them.
    /// </summary>
    public DslObject? EvaluateDefaults(INamedTypeSymbol type)
    {
        foreach (var constructor in type.InstanceConstructors)
        {
            if (HasUnevaluatedBody(constructor))
            {
                Error(null, "the constructor of " + type.Name + " has a body HubDsl cannot run; use a record with a primary constructor or init properties.");
                return null;
            }
        }

        return DefaultObject(type, null);
    }

    /// <summary>
    /// Declared in another assembly that is built with HubDsl (a project of the user's), and not one of HubDsl's own
    /// types. Other assemblies (the framework, packages) are read from metadata in every host.
    /// </summary>
    private bool IsReferenced(ISymbol symbol)
    {
        var type = symbol as ITypeSymbol ?? symbol.ContainingType;
        return !TypeShapes.IsDslType(type) && IsOtherAssembly(symbol) && ReferencesHubDsl(symbol.ContainingAssembly);
    }

    private bool IsOtherAssembly(ISymbol symbol) =>
        symbol.ContainingAssembly is { } assembly && !SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly);

    private static bool ReferencesHubDsl(IAssemblySymbol assembly)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var reference in module.ReferencedAssemblies)
            {
                if (reference.Name == TypeShapes.DslNamespace) return true;
            }
        }

        return false;
    }

    private DslValue? ReferencedMember(ISymbol member, SyntaxNode? site)
    {
        var result = Referenced(member, owner => ReferencedValues.Member(owner, member, _cancellationToken), ReferencedValues.MemberKey(member));
        if (result.Value is not null) return PlacedAt(result.Value, site);
        ReportReferenced(member, result, site);
        return null;
    }

    /// <summary>The defaults of a referenced type; null with <paramref name="known"/> false when its assembly recorded none.</summary>
    private DslObject? ReferencedDefaults(INamedTypeSymbol type, SyntaxNode? site, out bool known)
    {
        var result = Referenced(type, owner => ReferencedValues.Defaults(owner, type, _cancellationToken), ReferencedValues.TypeKey(type));
        known = !ReferenceEquals(result, ReferencedValue.Unknown);
        if (result.Value is DslObject defaults) return (DslObject)PlacedAt(defaults, site);
        if (known) ReportReferenced(type, result.Value is null ? result : ReferencedValue.Failed("its recorded defaults are not an object."), site);
        return null;
    }

    /// <summary>
    /// A value of another assembly has no place in this compilation's files, and a finding without a place is never
    /// shown: every part of it is placed where this compilation uses it (analyzers only).
    /// </summary>
    private DslValue PlacedAt(DslValue value, SyntaxNode? site) => Span(site) is { } span ? ReferencedOrigins.Place(value, span) : value;

    private ReferencedValue Referenced(ISymbol symbol, System.Func<Compilation, ReferencedValue> fromSource, string key)
    {
        if (_referenced.TryGetValue(symbol, out var known)) return known;
        ReferencedValue result;
        if (OwnerOf(symbol) is { } owner)
        {
            result = fromSource(owner);
        }
        else
        {
            result = ReferencedValues.FromMetadata(symbol.ContainingAssembly, key, symbol is ITypeSymbol);
        }

        _referenced[symbol] = result;
        return result;
    }

    // HUB024 once per declaration of another assembly; later uses fail quietly (the first report names the cause).
    private void ReportReferenced(ISymbol symbol, ReferencedValue result, SyntaxNode? site)
    {
        _dependencies?.Fail();
        if (!_reportedReferences.Add(symbol)) return;
        var what = symbol is ITypeSymbol type ? "the property defaults of '" + type.Name + "'" : "'" + symbol.ContainingType?.Name + "." + symbol.Name + "'";
        var message = what + ", declared in the referenced assembly '" + symbol.ContainingAssembly?.Name + "', cannot be evaluated: " + result.Error;
        _errors.Add(new DeclarationError(message, Span(site)) { Id = DiagnosticIds.ReferencedInitializer });
    }

    /// <summary>
    /// The compilation that owns the symbol's syntax: in an editor a project reference is that project's
    /// compilation, and only it can bind the syntax. Null for a symbol from a compiled assembly.
    /// </summary>
    private Compilation? OwnerOf(ISymbol symbol)
    {
        var tree = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree;
        if (tree is null) return null;
        if (_owners is null)
        {
            _owners = new Dictionary<SyntaxTree, Compilation>();
            var pending = new Stack<Compilation>();
            var seen = new HashSet<Compilation>();
            pending.Push(_compilation);
            while (pending.Count > 0)
            {
                var compilation = pending.Pop();
                if (!seen.Add(compilation)) continue;
                foreach (var owned in compilation.SyntaxTrees) _owners[owned] = compilation;
                foreach (var reference in compilation.References.OfType<CompilationReference>()) pending.Push(reference.Compilation);
            }
        }

        return _owners.TryGetValue(tree, out var owner) && !ReferenceEquals(owner, _compilation) ? owner : null;
    }

    private static bool IsConstructorWithStatements(SyntaxNode syntax) =>
        syntax is ConstructorDeclarationSyntax declaration && (declaration.ExpressionBody is not null || declaration.Body is { Statements.Count: > 0 });
}
