using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Validation;
using HubDsl.Core.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace HubDsl.Generators.Evaluation;

/// <summary>
/// Evaluates declarations at compile time from Roslyn's IOperation tree into <see cref="DslValue"/>s:
/// literals, constants, interpolated strings, object and collection initializers, collection expressions,
/// <c>with</c>, tuples, enums, HubDsl factory members and references to other static members with
/// initializers. Anything else becomes a <see cref="DeclarationError"/> (HUB001) on that exact expression;
/// nothing here throws for user code.
/// </summary>
internal sealed partial class DeclarationEvaluator
{
    private readonly Compilation _compilation;
    private readonly bool _recordOrigins;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DeclarationError> _errors = new();
    private readonly Dictionary<ISymbol, DslValue?> _members = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _inProgress = new(SymbolEqualityComparer.Default);

    // Within one evaluation the compilation is fixed, so semantic models and default objects can be shared
    // between the many members of a large fleet.
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly Dictionary<ITypeSymbol, DslObject?> _defaults = new(SymbolEqualityComparer.Default);

    // With a cache, every value remembers the initializers it read, so a later compilation can tell whether it still holds.
    private readonly IMemberValueCache? _cache;
    private readonly DependencyTracker? _dependencies;

    /// <param name="recordOrigins">Record source spans (analyzers); the generator leaves them out so its models hold no locations.</param>
    /// <param name="cache">Values from earlier compilations (the generator, and the analyzers' position-free tier); unused with origins, since cached values have none.</param>
    public DeclarationEvaluator(Compilation compilation, bool recordOrigins, CancellationToken cancellationToken, IMemberValueCache? cache = null)
    {
        _compilation = compilation;
        _recordOrigins = recordOrigins;
        _cancellationToken = cancellationToken;
        _cache = recordOrigins ? null : cache;
        _dependencies = _cache is null ? null : new DependencyTracker();
    }

    public IReadOnlyList<DeclarationError> Errors => _errors;

    /// <summary>The members whose initializers the evaluation of <paramref name="symbol"/> read (with a cache only).</summary>
    public IReadOnlyCollection<string> DependenciesOf(ISymbol symbol) => _dependencies?.ReadBy(symbol) ?? System.Array.Empty<string>();

    /// <summary>Prefixes the errors reported since <paramref name="count"/> with the declaration they belong to.</summary>
    public void NameErrorsSince(int count, string declaration)
    {
        // HUB024 names the referenced declaration itself, so that uses from several declarations report it once.
        for (var i = count; i < _errors.Count; i++)
        {
            if (_errors[i].Id != DiagnosticIds.ReferencedInitializer) _errors[i] = _errors[i] with { Message = declaration + ": " + _errors[i].Message };
        }
    }

    /// <summary>The value of a static field or property from its initializer.</summary>
    public DslValue? EvaluateMember(ISymbol member) => EvaluateMember(member, null);

    private DslValue? EvaluateMember(ISymbol member, SyntaxNode? site)
    {
        if (IsReferenced(member)) return ReferencedMember(member, site);
        if (IsOtherAssembly(member))
        {
            Error(Span(site), "'" + member.ContainingType?.Name + "." + member.Name + "' is declared in '" + member.ContainingAssembly.Name + "', which is not built with HubDsl, so its value is not known at compile time. Use a literal or a declared static member instead.");
            return null;
        }

        if (_members.TryGetValue(member, out var cached))
        {
            _dependencies?.Reuse(member);
            return cached;
        }

        var key = _cache is null ? null : MemberKeys.Of(member);
        if (key is not null && _cache!.TryGet(key, out var reused, out var reusedDependencies))
        {
            _members[member] = reused;
            _dependencies!.Remember(member, reusedDependencies, failed: false);
            _dependencies.Reuse(member);
            return reused;
        }

        if (!_inProgress.Add(member))
        {
            Error(member.Locations.FirstOrDefault()?.SourceTree is { } tree ? Span(member.DeclaringSyntaxReferences.First().GetSyntax(_cancellationToken)) : null,
                "'" + member.Name + "' refers to itself through its initializer; break the cycle.");
            return null;
        }

        _dependencies?.Begin();
        try
        {
            NoteChartRecord(member.ContainingType);
            var initializer = InitializerOf(member, out var declared);
            DslValue? value;
            if (initializer is null)
            {
                Error(declared, "'" + member.ContainingType?.Name + "." + member.Name + "' has no initializer HubDsl can evaluate; give it one (= new ...).");
                value = null;
            }
            else
            {
                value = Evaluate(initializer);
            }

            _members[member] = value;
            if (_dependencies is not null)
            {
                var (dependencies, failed) = _dependencies.End(member);
                if (key is not null && value is not null && !failed) _cache!.Store(key, value, dependencies);
            }

            return value;
        }
        finally
        {
            _inProgress.Remove(member);
        }
    }

    public DslValue? Evaluate(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        NoteChartRecord(operation);
        var value = EvaluateCore(operation);
        return value is null || !_recordOrigins ? value : value with { Origin = Span(operation.Syntax) };
    }

    private DslValue? EvaluateCore(IOperation operation)
    {
        if (operation.Syntax is CollectionExpressionSyntax collection) return CollectionExpression(collection, operation);
        if (operation.ConstantValue.HasValue) return Constant(operation.ConstantValue.Value, operation.Type, operation);

        switch (operation)
        {
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand);
            case IInterpolatedStringOperation interpolated:
                return Interpolation(interpolated);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return Concatenation(binary);
            case IObjectCreationOperation creation:
                return ObjectCreation(creation);
            case IWithOperation with:
                return With(with);
            case IArrayCreationOperation array:
                return array.Initializer is null ? new DslList(EquatableArray<DslValue>.Empty) : List(array.Initializer.ElementValues);
            case ITupleOperation tuple:
                return List(tuple.Elements) is DslList items ? new DslTuple(items.Items) : null;
            case IFieldReferenceOperation field:
                return MemberReference(field, field.Field, field.Instance);
            case IPropertyReferenceOperation property when !property.Property.IsIndexer:
                return MemberReference(property, property.Property, property.Instance);
            case IInvocationOperation invocation:
                return Invocation(invocation);
            case IDefaultValueOperation defaultValue:
                return defaultValue.Type is null ? DslScalar.Null : DefaultOf(defaultValue.Type, defaultValue);
            case IConditionalOperation { Condition.ConstantValue: { HasValue: true, Value: bool condition } } conditional:
                return condition ? Evaluate(conditional.WhenTrue) : conditional.WhenFalse is null ? DslScalar.Null : Evaluate(conditional.WhenFalse);
            case IBlockOperation { Operations.Length: 1 } block when block.Operations[0] is IReturnOperation { ReturnedValue: { } returned }:
                return Evaluate(returned);
            default:
                Error(Span(operation.Syntax), Describe(operation) + " cannot be evaluated at compile time. HubDsl evaluates declarations during the build: use literals, constants, interpolated strings, new/with initializers, collection expressions and other declared static members.");
                return null;
        }
    }

    private DslValue? Constant(object? value, ITypeSymbol? type, IOperation? operation)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && value is not null) return EnumValue(enumType, value, operation);
        switch (value)
        {
            case null: return DslScalar.Null;
            case string s: return DslScalar.String(s);
            case char c: return DslScalar.String(c.ToString());
            case bool b: return new DslScalar(ScalarKind.Bool, b ? "true" : "false");
            case float f: return new DslScalar(ScalarKind.Float, ((double)f).ToString("R", CultureInfo.InvariantCulture));
            case double d: return new DslScalar(ScalarKind.Float, d.ToString("R", CultureInfo.InvariantCulture));
            case decimal m: return new DslScalar(m == decimal.Truncate(m) ? ScalarKind.Int : ScalarKind.Float, m.ToString(CultureInfo.InvariantCulture));
            default: return new DslScalar(ScalarKind.Int, System.Convert.ToString(value, CultureInfo.InvariantCulture)!);
        }
    }

    private DslValue? EnumValue(INamedTypeSymbol enumType, object value, IOperation? operation)
    {
        foreach (var member in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (member.HasConstantValue && SameNumber(member.ConstantValue, value))
            {
                return new DslEnum(TypeShapes.FullName(enumType), member.Name, ValuesKeyOf(member) ?? member.Name);
            }
        }

        Error(Span(operation?.Syntax), "the value " + value + " is not a single member of enum " + enumType.Name + "; use one named member.");
        return null;
    }

    private static bool SameNumber(object? a, object? b) =>
        a is not null && b is not null && System.Convert.ToDecimal(a, CultureInfo.InvariantCulture) == System.Convert.ToDecimal(b, CultureInfo.InvariantCulture);

    private DslValue? Interpolation(IInterpolatedStringOperation interpolated)
    {
        var parts = new List<DslValue>();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text:
                    parts.Add(DslScalar.String(text.Text.ConstantValue.Value as string ?? string.Empty));
                    break;
                case IInterpolationOperation hole:
                    if (hole.Alignment is not null || hole.FormatString is not null)
                    {
                        Error(Span(hole.Syntax), "alignment and format specifiers in interpolations cannot be evaluated; format the value with a literal instead.");
                        return null;
                    }

                    var value = Evaluate(hole.Expression);
                    if (value is null) return null;
                    parts.Add(value);
                    break;
                default:
                    Error(Span(part.Syntax), "this interpolated-string part cannot be evaluated.");
                    return null;
            }
        }

        return new DslInterpolation(parts.ToEquatableArray());
    }

    private DslValue? Concatenation(IBinaryOperation binary)
    {
        var left = Evaluate(binary.LeftOperand);
        var right = Evaluate(binary.RightOperand);
        if (left is null || right is null) return null;
        var parts = new List<DslValue>();
        foreach (var side in new[] { left, right })
        {
            if (side is DslInterpolation inner) parts.AddRange(inner.Parts);
            else parts.Add(side);
        }

        return new DslInterpolation(parts.ToEquatableArray());
    }

    private DslValue? List(IEnumerable<IOperation> elements)
    {
        var items = new List<DslValue>();
        var ok = true;
        foreach (var element in elements)
        {
            var value = Evaluate(element);
            if (value is null) ok = false;
            else items.Add(value);
        }

        return ok ? new DslList(items.ToEquatableArray()) : null;
    }

    // Roslyn 4.8 has no IOperation for collection expressions, so their elements are read from syntax.
    private DslValue? CollectionExpression(CollectionExpressionSyntax collection, IOperation operation)
    {
        var model = operation.SemanticModel ?? ModelFor(collection.SyntaxTree);
        var items = new List<DslValue>();
        var ok = true;
        foreach (var element in collection.Elements)
        {
            var expression = element switch
            {
                ExpressionElementSyntax e => e.Expression,
                SpreadElementSyntax s => s.Expression,
                _ => null,
            };
            var elementOperation = expression is null ? null : model.GetOperation(expression, _cancellationToken);
            if (elementOperation is null && expression is ImplicitObjectCreationExpressionSyntax implicitNew && ElementType(operation.Type) is { } elementType)
            {
                // Roslyn 4.8 (the .NET 8 SDK) binds no operation for a target-typed new() inside a collection
                // expression; build it from the collection's element type instead.
                var created = ImplicitObjectCreation(implicitNew, elementType, model);
                if (created is null) ok = false;
                else items.Add(created);
                continue;
            }

            if (elementOperation is null)
            {
                Error(Span(element), "this collection element cannot be evaluated.");
                ok = false;
                continue;
            }

            var value = Evaluate(elementOperation);
            if (value is null)
            {
                ok = false;
            }
            else if (element is SpreadElementSyntax)
            {
                if (value is DslList spread) items.AddRange(spread.Items);
                else
                {
                    Error(Span(element), "only lists can be spread here.");
                    ok = false;
                }
            }
            else
            {
                items.Add(value);
            }
        }

        if (!ok) return null;
        var type = operation.Type;
        if (type is not null && TypeShapes.IsDictionary(type))
        {
            Error(Span(collection), "dictionary collection expressions are not supported; use a collection initializer ({ [\"key\"] = value }).");
            return null;
        }

        return new DslList(items.ToEquatableArray());
    }

    private DslValue? MemberReference(IOperation operation, ISymbol member, IOperation? instance)
    {
        var containingType = member.ContainingType;
        if (member.IsStatic)
        {
            if (TypeShapes.IsDslType(containingType))
            {
                return new DslCall(TypeShapes.FullName(containingType!), member.Name, null, EquatableArray<DslValue>.Empty);
            }

            return EvaluateMember(member, operation.Syntax);
        }

        if (instance is not null && instance is not IInstanceReferenceOperation)
        {
            var target = Evaluate(instance);
            if (target is DslObject obj && obj.Find(member.Name) is { } property) return property.Value;
            if (target is null) return null;
        }

        Error(Span(operation.Syntax), "'" + member.Name + "' cannot be read at compile time here.");
        return null;
    }

    private DslValue? Invocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!TypeShapes.IsDslType(method.ContainingType))
        {
            Error(Span(invocation.Syntax), "calling '" + method.ContainingType?.Name + "." + method.Name + "' cannot be evaluated at compile time: HubDsl does not run your code during the build. Use a literal or a declared static member instead.");
            return null;
        }

        DslValue? receiver = null;
        if (invocation.Instance is not null)
        {
            receiver = Evaluate(invocation.Instance);
            if (receiver is null) return null;
        }

        var arguments = Arguments(invocation.Arguments);
        return arguments is null ? null : new DslCall(TypeShapes.FullName(method.ContainingType!), method.Name, receiver, arguments);
    }

    private EquatableArray<DslValue>? Arguments(IEnumerable<IArgumentOperation> arguments)
    {
        var values = new List<DslValue>();
        foreach (var argument in arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            var value = Evaluate(argument.Value);
            if (value is null) return null;
            values.Add(value);
        }

        return values.ToEquatableArray();
    }

    private IOperation? InitializerOf(ISymbol member, out SourceSpan? site)
    {
        site = null;
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(_cancellationToken);
            site = Span(syntax);
            SyntaxNode? valueSyntax = syntax switch
            {
                VariableDeclaratorSyntax { Initializer: { } init } => init,
                PropertyDeclarationSyntax { Initializer: { } init } => init,
                PropertyDeclarationSyntax { ExpressionBody: { } body } => body,
                _ => null,
            };
            // Only this compilation can bind its own trees (declarations of other assemblies go through ReferencedValues).
            if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree)) continue;

            // Read even without an initializer: giving the member one later must reach the values that used its default.
            _dependencies?.Read(MemberKeys.Of(member));
            if (valueSyntax is null) continue;
            var model = ModelFor(syntax.SyntaxTree);
            var operation = model.GetOperation(valueSyntax, _cancellationToken);
            return operation switch
            {
                ISymbolInitializerOperation initializer => initializer.Value,
                _ => operation,
            };
        }

        return null;
    }

    private SemanticModel ModelFor(SyntaxTree tree)
    {
        if (!_models.TryGetValue(tree, out var model)) _models[tree] = model = _compilation.GetSemanticModel(tree);
        return model;
    }

    private SourceSpan? Span(SyntaxNode? syntax) =>
        _recordOrigins && syntax is not null ? new SourceSpan(syntax.SyntaxTree.FilePath, syntax.Span.Start, syntax.Span.Length) : null;

    private void Error(SourceSpan? at, string message)
    {
        _errors.Add(new DeclarationError(message, at));
        _dependencies?.Fail();
    }

    private static string Describe(IOperation operation) => operation.Kind switch
    {
        OperationKind.Invocation => "a method call",
        OperationKind.Binary => "this arithmetic or comparison",
        OperationKind.Conditional => "a condition that is not a constant",
        OperationKind.LocalReference or OperationKind.ParameterReference => "a local variable or parameter",
        OperationKind.AnonymousFunction => "a lambda",
        _ => "this expression",
    } + " ('" + Shorten(operation.Syntax.ToString()) + "')";

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
}
