namespace HubDsl.Cli.Import;

/// <summary>
/// A part of the input the DSL cannot express, so the import left it out: the file it came from, the field path
/// inside it (e.g. <c>spec.generators[0].git</c>) and why. Every omission is listed; none is dropped silently.
/// </summary>
/// <param name="File">The input file, or the hub Secret's name with <c>--from-hub</c>.</param>
/// <param name="FieldPath">The field inside it, empty for the whole file or object.</param>
/// <param name="Reason">Why it was left out and what to do instead.</param>
internal sealed record ImportOmission(string File, string FieldPath, string Reason)
{
    /// <summary>One line for the report.</summary>
    public override string ToString() => File + (FieldPath.Length == 0 ? string.Empty : ": " + FieldPath) + ": " + Reason;
}
