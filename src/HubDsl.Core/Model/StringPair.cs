namespace HubDsl.Core.Model;

/// <summary>A key and a value, e.g. one label.</summary>
public sealed record StringPair(string Key, string Value);
