using System;

namespace HubDsl.Core.Yaml;

/// <summary>The YAML text is not well-formed (or uses a feature the reader does not support).</summary>
public sealed class YamlReaderException : Exception
{
    /// <summary>Creates the exception; the message is prefixed with the 1-based position.</summary>
    public YamlReaderException(string message, int line, int column, int offset)
        : base("(" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + column.ToString(System.Globalization.CultureInfo.InvariantCulture) + ") " + message)
    {
        Reason = message;
        Line = line;
        Column = column;
        Offset = offset;
    }

    /// <summary>The message without the position prefix.</summary>
    public string Reason { get; }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>0-based character offset of the problem.</summary>
    public int Offset { get; }

    /// <summary>The path given to the reader (empty when none was given); the message does not repeat it.</summary>
    public string Path { get; init; } = string.Empty;
}
