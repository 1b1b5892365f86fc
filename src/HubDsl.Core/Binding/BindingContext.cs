using System.Collections.Generic;
using HubDsl.Core.Declarations;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Binding;

/// <summary>Collects the errors of one declaration while it is bound.</summary>
public sealed class BindingContext
{
    private readonly List<DeclarationError> _errors = new();

    /// <param name="declaration">The declaring member or class, e.g. <c>Clusters.Prod</c>, named in every message.</param>
    public BindingContext(string declaration) => Declaration = declaration;

    /// <summary>The declaration being bound, as messages name it.</summary>
    public string Declaration { get; set; }

    /// <summary>The errors so far.</summary>
    public IReadOnlyList<DeclarationError> Errors => _errors;

    /// <summary>Whether any error was reported.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>Reports an error on a value's origin, prefixed with the declaration's name.</summary>
    public void Error(SourceSpan? at, string message) => _errors.Add(new DeclarationError(Declaration + ": " + message, at));

    /// <summary>Adds errors found elsewhere (for example by the evaluator).</summary>
    public void AddRange(IEnumerable<DeclarationError> errors) => _errors.AddRange(errors);
}
