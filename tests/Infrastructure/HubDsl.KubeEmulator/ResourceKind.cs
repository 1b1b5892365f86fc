namespace HubDsl.KubeEmulator;

/// <summary>One served resource type: where it lives in the URL space and how it is named.</summary>
public sealed record ResourceKind(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    bool Namespaced,
    bool IsCustomResource)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>"secrets" or "applications.argoproj.io", as the real API names resources in messages.</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Custom resources bump metadata.generation on every non-metadata change, like CRD-backed storage.</summary>
    public bool TracksGeneration => IsCustomResource;
}
