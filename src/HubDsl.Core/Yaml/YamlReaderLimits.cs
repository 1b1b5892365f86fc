namespace HubDsl.Core.Yaml;

/// <summary>
/// The limits the YAML reader enforces, so that no input can exhaust memory or hang whatever reads the tree
/// (the CLI's JSON conversion, the renderer, the writer). Each error names the limit it hit. Keys per mapping
/// have no limit of their own: each key takes at least two characters, so <see cref="MaxTextLength"/> bounds
/// them, and a mapping adds a key in constant time (hashed index).
/// </summary>
public static class YamlReaderLimits
{
    /// <summary>
    /// Characters of YAML text in one call. The API server refuses request bodies over 3 MiB and etcd stores
    /// objects up to 1.5 MiB, so a manifest stream this large is far beyond anything Kubernetes would take.
    /// Go's yaml has no such limit; HubDsl reads the whole text into memory, so it needs one.
    /// </summary>
    public const int MaxTextLength = 32 * 1024 * 1024;

    /// <summary>Nesting of collections (block and flow). It guards the reader's stack; real manifests nest a few dozen levels.</summary>
    public const int MaxNesting = 512;

    /// <summary>
    /// Nodes that aliases may add to one stream in total, on top of go-yaml's per-document ratio rule
    /// (<see cref="AliasBudget"/>): the ratio rule lets every small document expand to about a thousand nodes,
    /// so a stream of many small documents needs a bound of its own.
    /// </summary>
    public const long MaxAliasNodesPerStream = 4_000_000;
}
