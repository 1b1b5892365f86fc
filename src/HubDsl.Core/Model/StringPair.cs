namespace HubDsl.Core.Model;

/// <summary>A key and a value, e.g. one label. Origins are recorded for the analyzers only.</summary>
public sealed record StringPair(string Key, string Value)
{
    /// <summary>Where the key was written.</summary>
    public Yaml.SourceSpan? KeyOrigin { get; init; }

    /// <summary>Where the value was written.</summary>
    public Yaml.SourceSpan? ValueOrigin { get; init; }
}
