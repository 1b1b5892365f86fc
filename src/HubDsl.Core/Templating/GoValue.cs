namespace HubDsl.Core.Templating;

/// <summary>
/// A value during execution, mirroring reflect.Value: it may be invalid ("no value", a missed key) and it may have
/// static type interface{} (elements of map[string]interface{} and []interface{}, or interface{} results), which
/// Go's error messages and nil handling depend on. Obj uses the data model: string, bool, int, long, double,
/// IReadOnlyDictionary&lt;string, object?&gt;, IReadOnlyDictionary&lt;string, string&gt;, IReadOnlyList&lt;object?&gt;, string[], or null.
/// </summary>
internal readonly struct GoValue
{
    private GoValue(object? obj, bool isValid, bool isInterface)
    {
        Obj = obj;
        IsValid = isValid;
        IsInterface = isInterface;
    }

    public object? Obj { get; }
    public bool IsValid { get; }
    public bool IsInterface { get; }

    public static readonly GoValue Invalid = new(null, false, false);

    public static GoValue Of(object? obj) => obj == null ? Interface(null) : new GoValue(obj, true, false);

    public static GoValue Interface(object? obj) => new(obj, true, true);

    public bool IsNilInterface => IsValid && Obj == null;

    /// <summary>Go's indirectInterface: drop the interface wrapper; a nil interface becomes invalid.</summary>
    public GoValue Unwrap() => !IsValid ? Invalid : Obj == null ? Invalid : new GoValue(Obj, true, false);

    /// <summary>Go's int is 64-bit; the data model uses C# int for it when the value fits, long (int64) otherwise.</summary>
    public GoValue AsGoInt() => Obj is long l && l >= int.MinValue && l <= int.MaxValue ? Of((int)l) : this;

    /// <summary>Type name as reflect prints it.</summary>
    public string TypeName => IsInterface ? "interface {}" : GoTypes.NameOf(Obj);
}
