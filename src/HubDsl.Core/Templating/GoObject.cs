namespace HubDsl.Core.Templating;

/// <summary>
/// A Go value with methods that a template can call as fields (<c>{{ (semver "1.2.3").Major }}</c>), prints with its
/// String method (fmt.Stringer), and marshals to JSON as its text. Only Sprig results that are Go structs use it.
/// </summary>
internal abstract class GoObject
{
    /// <summary>The type as reflect prints it (for example <c>*semver.Version</c>).</summary>
    public abstract string GoTypeName { get; }

    /// <summary>reflect's kind name (<c>ptr</c> or <c>struct</c>), for kindOf.</summary>
    public abstract string GoKind { get; }

    /// <summary>The method of that name, bound to this value, or null when the type has none (a template error).</summary>
    public abstract GoFunction? Method(string name);

    /// <summary>fmt's rendering, through the type's String method.</summary>
    public abstract override string ToString();
}
