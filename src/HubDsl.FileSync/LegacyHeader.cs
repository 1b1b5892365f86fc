using System;

namespace HubDsl.FileSync;

/// <summary>
/// Reads the first line every generated file carries (<see cref="GeneratedHeader"/>): it names the declaration in
/// messages, and lets a project built by a version without output records take over its own files once.
/// </summary>
public static class LegacyHeader
{
    /// <summary>The start of the header line.</summary>
    public const string Marker = "# " + GeneratedHeader.Prefix;

    /// <summary>The declaration a text's header names, or null when it has no HubDsl header.</summary>
    public static string? DeclarationOf(string? text)
    {
        if (text is null || !text.StartsWith(Marker, StringComparison.Ordinal)) return null;
        var end = text.IndexOf('\n');
        var line = (end < 0 ? text : text.Substring(0, end)).TrimEnd('\r').Substring(Marker.Length);
        var stop = line.IndexOf(". ", StringComparison.Ordinal);
        var declaration = (stop < 0 ? line : line.Substring(0, stop)).TrimEnd('.').Trim();
        return declaration.Length == 0 ? null : declaration;
    }
}
