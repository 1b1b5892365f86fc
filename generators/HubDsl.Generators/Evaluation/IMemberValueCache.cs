using System.Collections.Generic;
using HubDsl.Core.Declarations;

namespace HubDsl.Generators.Evaluation;

/// <summary>
/// Values of static members evaluated in an earlier compilation that are still valid in the current one.
/// Binding initializers is what evaluation costs, so a warm generator binds only the members an edit touched.
/// A value is reusable while no member it read (its dependencies, by <see cref="MemberKeys"/>) has changed.
/// </summary>
internal interface IMemberValueCache
{
    bool TryGet(string member, out DslValue value, out IReadOnlyCollection<string> dependencies);

    /// <summary>Only values evaluated without errors are stored: positions are not part of a value, but errors have them.</summary>
    void Store(string member, DslValue value, IReadOnlyCollection<string> dependencies);

    /// <summary>
    /// A text recorded for the projects that reference this one (<see cref="ReferencedValues"/>), still valid: a
    /// keystroke elsewhere must not evaluate and write every public value again.
    /// </summary>
    bool TryGetRecorded(string key, out string text);

    /// <summary>Unlike values, failures are kept too: their text has no position, and they are as costly to repeat.</summary>
    void StoreRecorded(string key, string text, IReadOnlyCollection<string> dependencies);
}
