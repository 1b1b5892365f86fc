using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace HubDsl.Generators.Evaluation;

// Objects, collections and their initializers.
internal sealed partial class DeclarationEvaluator
{
    private DslValue? ObjectCreation(IObjectCreationOperation creation)
    {
        var type = creation.Type;
        if (type is null) return null;
        if (TypeShapes.IsDictionary(type)) return ApplyInitializer(new DslMap(EquatableArray<DslEntry>.Empty), creation.Initializer);
        if (TypeShapes.IsList(type)) return ApplyInitializer(new DslList(EquatableArray<DslValue>.Empty), creation.Initializer);

        if (creation.Constructor is { } constructor && HasUnevaluatedBody(constructor))
        {
            Error(Span(creation.Syntax), "the constructor of " + type.Name + " has a body HubDsl cannot run; use a record with a primary constructor or init properties.");
            return null;
        }

        var start = DefaultObject(type, creation.Syntax);
        if (start is null) return null;
        var properties = start.Properties.ToList();
        foreach (var argument in creation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            var name = argument.Parameter?.Name ?? string.Empty;
            var index = properties.FindIndex(p => string.Equals(p.Name, name, System.StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                Error(Span(argument.Syntax), "constructor parameter '" + name + "' of " + type.Name + " has no property of the same name, so HubDsl cannot tell where its value goes.");
                return null;
            }

            var value = Evaluate(argument.Value);
            if (value is null) return null;
            properties[index] = properties[index] with { Value = value, Key = properties[index].Key ?? ValuesKeyOf(argument.Parameter!) };
        }

        var created = start with { Properties = properties.ToEquatableArray() };
        return ApplyInitializer(created, creation.Initializer);
    }

    // new(args) { ... } whose type comes from the surrounding collection: arguments map to the constructor's
    // parameters by position or name, exactly as ObjectCreation maps them.
    private DslValue? ImplicitObjectCreation(ImplicitObjectCreationExpressionSyntax syntax, ITypeSymbol type, SemanticModel model)
    {
        var arguments = syntax.ArgumentList.Arguments;
        var constructor = (type as INamedTypeSymbol)?.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public
                && (c.Parameters.Length >= arguments.Count || (c.Parameters.Length > 0 && c.Parameters[c.Parameters.Length - 1].IsParams))
                && c.Parameters.Skip(arguments.Count).All(p => p.HasExplicitDefaultValue || p.IsParams))
            .OrderBy(c => c.Parameters.Length)
            .FirstOrDefault();
        var start = constructor is null || syntax.Initializer is not null ? null : DefaultObject(type, syntax);
        if (start is null)
        {
            Error(Span(syntax), "write the type here (new " + type.Name + "(...)): this target-typed new() cannot be evaluated by this compiler version.");
            return null;
        }

        var properties = start.Properties.ToList();
        for (var i = 0; i < constructor!.Parameters.Length; i++)
        {
            var parameter = constructor.Parameters[i];
            var argument = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter.Name) ?? (i < arguments.Count && arguments[i].NameColon is null ? arguments[i] : null);
            DslValue? value;
            if (parameter.IsParams && argument is not null && argument.NameColon is null && (arguments.Count - i > 1 || !PassesArray(argument, model)))
            {
                // params in expanded form: the remaining positional arguments are the array's items, as the compiler passes them.
                var items = new List<DslValue>();
                foreach (var item in arguments.Skip(i))
                {
                    var itemOperation = model.GetOperation(item.Expression, _cancellationToken);
                    var itemValue = itemOperation is null ? null : Evaluate(itemOperation);
                    if (itemValue is null)
                    {
                        if (itemOperation is null) Error(Span(item), "this argument cannot be evaluated.");
                        return null;
                    }

                    items.Add(itemValue);
                }

                value = new DslList(items.ToEquatableArray());
            }
            else if (parameter.IsParams && argument is null)
            {
                value = new DslList(EquatableArray<DslValue>.Empty);
            }
            else if (argument is not null)
            {
                var argumentOperation = model.GetOperation(argument.Expression, _cancellationToken);
                value = argumentOperation is null ? null : Evaluate(argumentOperation);
                if (value is null)
                {
                    if (argumentOperation is null) Error(Span(argument), "this argument cannot be evaluated.");
                    return null;
                }
            }
            else if (parameter.HasExplicitDefaultValue)
            {
                value = Constant(parameter.ExplicitDefaultValue, parameter.Type, null);
                if (value is null) return null;
            }
            else
            {
                continue;
            }

            var index = properties.FindIndex(p => string.Equals(p.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                Error(Span(argument ?? (SyntaxNode)syntax), "constructor parameter '" + parameter.Name + "' of " + type.Name + " has no property of the same name.");
                return null;
            }

            properties[index] = properties[index] with { Value = value };
        }

        // Reached from a collection expression's elements, not through Evaluate: the origin is recorded here.
        return start with { Properties = properties.ToEquatableArray(), Origin = _recordOrigins ? Span(syntax) : null };
    }

    // Whether a lone argument for a params parameter is the array itself (normal form) rather than its only item.
    private bool PassesArray(ArgumentSyntax argument, SemanticModel model) =>
        model.GetTypeInfo(argument.Expression, _cancellationToken).Type is IArrayTypeSymbol || argument.Expression is CollectionExpressionSyntax;

    private static ITypeSymbol? ElementType(ITypeSymbol? collection) => collection switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol { TypeArguments.Length: 1 } named => named.TypeArguments[0],
        _ => null,
    };

    private DslValue? With(IWithOperation with)
    {
        var operand = Evaluate(with.Operand);
        if (operand is null) return null;
        if (operand is not DslObject)
        {
            Error(Span(with.Operand.Syntax), "'with' needs a record value here.");
            return null;
        }

        return ApplyInitializer(operand, with.Initializer);
    }

    private DslValue? ApplyInitializer(DslValue target, IObjectOrCollectionInitializerOperation? initializer)
    {
        if (initializer is null) return target;
        var current = target;
        foreach (var item in initializer.Initializers)
        {
            var next = ApplyInitializerItem(current, item);
            if (next is null) return null;
            current = next;
        }

        return current;
    }

    private DslValue? ApplyInitializerItem(DslValue target, IOperation item)
    {
        switch (item)
        {
            // Name = value, or ["key"] = value on a dictionary.
            case ISimpleAssignmentOperation assignment:
            {
                var value = Evaluate(assignment.Value);
                if (value is null) return null;
                if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer)
                {
                    var key = indexer.Arguments.Length == 1 ? Evaluate(indexer.Arguments[0].Value) : null;
                    return key is null ? null : AddEntry(target, key, value, item);
                }

                var member = assignment.Target switch
                {
                    IPropertyReferenceOperation p => (ISymbol)p.Property,
                    IFieldReferenceOperation f => f.Field,
                    _ => null,
                };
                if (member is null)
                {
                    Error(Span(assignment.Syntax), "this initializer cannot be evaluated.");
                    return null;
                }

                return SetProperty(target, member.Name, value, item);
            }

            // Labels = { ["env"] = "prod" }: initializes the existing collection or object.
            case IMemberInitializerOperation member:
            {
                var name = member.InitializedMember switch
                {
                    IPropertyReferenceOperation p => p.Property.Name,
                    IFieldReferenceOperation f => f.Field.Name,
                    _ => null,
                };
                if (name is null || target is not DslObject obj)
                {
                    Error(Span(member.Syntax), "this nested initializer cannot be evaluated.");
                    return null;
                }

                var existing = obj.Find(name)?.Value;
                if (existing is null or DslScalar { Kind: ScalarKind.Null })
                {
                    existing = member.InitializedMember.Type is { } memberType ? EmptyOf(memberType) : null;
                }

                if (existing is null)
                {
                    Error(Span(member.Syntax), "'" + name + "' is null here; assign it with new(...) instead of a nested initializer.");
                    return null;
                }

                var initialized = ApplyInitializer(existing, member.Initializer);
                return initialized is null ? null : SetProperty(target, name, initialized, item);
            }

            // Collection initializer elements: { a, b } on lists, { "key", value } on dictionaries.
            case IInvocationOperation { TargetMethod.Name: "Add" } add:
            {
                var arguments = Arguments(add.Arguments);
                if (arguments is null) return null;
                if (arguments.Count == 1 && target is DslList list) return new DslList(list.Items.Append(arguments[0]).ToEquatableArray());
                if (arguments.Count == 2) return AddEntry(target, arguments[0], arguments[1], item);
                Error(Span(add.Syntax), "this collection element cannot be evaluated.");
                return null;
            }

            default:
                Error(Span(item.Syntax), "this initializer cannot be evaluated at compile time.");
                return null;
        }
    }

    private DslValue? AddEntry(DslValue target, DslValue key, DslValue value, IOperation site)
    {
        if (target is not DslMap map)
        {
            Error(Span(site.Syntax), "only dictionaries take [key] = value entries here.");
            return null;
        }

        // Indexer assignments overwrite, as they do at run time.
        var entries = map.Entries.Where(e => !Equals(e.Key with { Origin = null }, key with { Origin = null })).ToList();
        entries.Add(new DslEntry(key, value));
        return new DslMap(entries.ToEquatableArray());
    }

    private DslValue? SetProperty(DslValue target, string name, DslValue value, IOperation site)
    {
        if (target is not DslObject obj)
        {
            Error(Span(site.Syntax), "'" + name + "' cannot be set here.");
            return null;
        }

        var properties = obj.Properties.ToList();
        var index = properties.FindIndex(p => p.Name == name);
        if (index < 0)
        {
            properties.Add(new DslProperty(name, null, value));
        }
        else
        {
            properties[index] = properties[index] with { Value = value };
        }

        return obj with { Properties = properties.ToEquatableArray() };
    }

    /// <summary>
    /// An object of the type with every public instance property at its declared default: the source
    /// initializer where there is one, else the type's default (get-only collections start empty).
    /// <paramref name="site"/> is where the object is created, for a default of another assembly that fails.
    /// </summary>
    private DslObject? DefaultObject(ITypeSymbol type, SyntaxNode? site)
    {
        // Records are immutable: every creation of a type starts from the same defaults.
        if (_defaults.TryGetValue(type, out var cached))
        {
            _dependencies?.Reuse(type);
            return cached;
        }

        _dependencies?.Begin();
        NoteChartRecord(type);
        var created = CreateDefaultObject(type, site);
        _defaults[type] = created;
        _dependencies?.End(type);
        return created;
    }

    private DslObject? CreateDefaultObject(ITypeSymbol type, SyntaxNode? site)
    {
        var chain = new List<ITypeSymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        var properties = new List<DslProperty>();
        foreach (var declaring in chain)
        {
            // A type of another project brings its own defaults (with its bases'), evaluated where it is declared.
            if (declaring is INamedTypeSymbol named && IsReferenced(named))
            {
                var defaults = ReferencedDefaults(named, site, out var known);
                if (defaults is null && known) return null;
                if (defaults is not null)
                {
                    foreach (var property in defaults.Properties)
                    {
                        if (!properties.Any(p => p.Name == property.Name)) properties.Add(property);
                    }

                    continue;
                }
            }

            foreach (var property in declaring.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public || property.Name == "EqualityContract") continue;
                if (properties.Any(p => p.Name == property.Name)) continue;
                DslValue? value;

                // HubDsl's own types are read from metadata in every host (the binders own their defaults), so a
                // project reference to the DSL in an editor gives what the package gives.
                if (!TypeShapes.IsDslType(declaring) && !property.IsImplicitlyDeclared && InitializerOf(property, out _) is { } initializer)
                {
                    value = Evaluate(initializer);
                    if (value is null) return null;
                }
                else
                {
                    value = property.SetMethod is null && EmptyOf(property.Type) is { } empty ? empty : DefaultOf(property.Type, null);
                }

                properties.Add(new DslProperty(property.Name, ValuesKeyOf(property), value ?? DslScalar.Null));
            }
        }

        return new DslObject(TypeShapes.FullName(type), properties.ToEquatableArray(), TypeShapes.IsHelmValues(type));
    }

    private DslValue? EmptyOf(ITypeSymbol type)
    {
        if (TypeShapes.IsDictionary(type)) return new DslMap(EquatableArray<DslEntry>.Empty);
        if (TypeShapes.IsList(type)) return new DslList(EquatableArray<DslValue>.Empty);
        return null;
    }

    private DslValue? DefaultOf(ITypeSymbol type, IOperation? site)
    {
        if (type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T) return DslScalar.Null;
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return new DslScalar(ScalarKind.Bool, "false");
            case SpecialType.System_Single:
            case SpecialType.System_Double: return new DslScalar(ScalarKind.Float, "0");
            case SpecialType.System_Decimal:
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64: return new DslScalar(ScalarKind.Int, "0");
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType) return EnumValue(enumType, 0, site);
        return DslScalar.Null;
    }

    // Only record primary constructors and constructors without statements map arguments to properties faithfully.
    // HubDsl's own constructors are given meaning by the binders, and those of other projects are checked where
    // they are declared (EvaluateDefaults), so every host decides alike.
    private bool HasUnevaluatedBody(IMethodSymbol constructor)
    {
        if (TypeShapes.IsDslType(constructor.ContainingType) || IsReferenced(constructor)) return false;
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (IsConstructorWithStatements(reference.GetSyntax(_cancellationToken))) return true;
        }

        return false;
    }

    private static string? ValuesKeyOf(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass && TypeShapes.FullName(attributeClass) == DslNames.ValuesKeyAttribute
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string key)
            {
                return key;
            }
        }

        // A positional record's property carries the attribute on its parameter.
        if (symbol is IPropertySymbol property && property.ContainingType is { } type)
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                var parameter = constructor.Parameters.FirstOrDefault(p => p.Name == property.Name);
                if (parameter is not null && ValuesKeyOf(parameter) is { } fromParameter) return fromParameter;
            }
        }

        return null;
    }

}
