using System.Globalization;

namespace HubDsl.Core.Yaml;

/// <summary>
/// go-yaml's defence against alias bombs ("billion laughs"), which kubectl, Helm and Argo CD all get through
/// sigs.k8s.io/yaml: while decoding a document it counts every node it decodes and, of those, the ones it
/// decodes inside an alias expansion, and fails with "document contains excessive aliasing" once more than
/// 100 nodes came from aliases, more than 1000 were decoded, and the aliased share exceeds
/// <see cref="AllowedRatio"/> (go-yaml decode.go: decoder.unmarshal, allowedAliasRatio; the same rule in
/// yaml.v2 since v2.2.8, CVE-2019-11253). HubDsl's reader shares an anchored node instead of copying it, so
/// it counts each alias as go-yaml would decode it: one node for the alias plus the anchored node's decoded
/// size. Counting is per document, as each go-yaml Decode call starts a new decoder.
/// </summary>
internal sealed class AliasBudget
{
    // go-yaml's constants: 400,000 decodes is ~500 kB of dense object declarations; 4,000,000 is ~5 MB.
    private const long RatioRangeLow = 400_000;
    private const long RatioRangeHigh = 4_000_000;

    private long _streamAliased;

    /// <summary>Nodes decoded in the current document, aliases expanded (go-yaml's decodeCount).</summary>
    public long Decoded { get; private set; }

    /// <summary>Of <see cref="Decoded"/>, the nodes that came from alias expansions (go-yaml's aliasCount).</summary>
    public long Aliased { get; private set; }

    /// <summary>Starts a document: go-yaml counts the document node itself.</summary>
    public void StartDocument()
    {
        Decoded = 1;
        Aliased = 0;
    }

    /// <summary>Counts one node decoded outside any alias. Returns the problem when the rule is broken, else null.</summary>
    public string? Node(long count = 1)
    {
        Decoded += count;
        return Check();
    }

    /// <summary>Counts an alias: the alias node, then the anchored node's <paramref name="expandedSize"/> nodes as aliased.</summary>
    public string? Alias(long expandedSize)
    {
        Decoded += 1 + expandedSize;
        Aliased += expandedSize;
        _streamAliased += expandedSize;
        if (_streamAliased > YamlReaderLimits.MaxAliasNodesPerStream)
        {
            return "the aliases of this stream expand to more than " + YamlReaderLimits.MaxAliasNodesPerStream.ToString("N0", CultureInfo.InvariantCulture) +
                " nodes (HubDsl's limit per YAML text, YamlReaderLimits.MaxAliasNodesPerStream); write the repeated content out or use fewer aliases";
        }

        return Check();
    }

    /// <summary>go-yaml's allowedAliasRatio: 99% up to 400,000 decodes, falling linearly to 10% at 4,000,000.</summary>
    public static double AllowedRatio(long decoded)
    {
        if (decoded <= RatioRangeLow) return 0.99;
        if (decoded >= RatioRangeHigh) return 0.10;
        return 0.99 - (0.89 * ((decoded - RatioRangeLow) / (double)(RatioRangeHigh - RatioRangeLow)));
    }

    private string? Check()
    {
        if (Aliased <= 100 || Decoded <= 1000 || (double)Aliased / Decoded <= AllowedRatio(Decoded)) return null;
        return "document contains excessive aliasing: aliases expand to " + Aliased.ToString(CultureInfo.InvariantCulture) + " of the " +
            Decoded.ToString(CultureInfo.InvariantCulture) + " nodes decoded so far, more than the " +
            AllowedRatio(Decoded).ToString("0.##%", CultureInfo.InvariantCulture) +
            " go-yaml (kubectl, Helm, Argo CD) allows; kubectl refuses this document too. Write the repeated content out or use fewer aliases";
    }
}
