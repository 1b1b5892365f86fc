using System;
using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Analysis;

/// <summary>
/// The last render of each ApplicationSet the validator checked, kept by the caller across validations: rendering
/// every targeted cluster's Application is most of what validating a large fleet costs, and an edit to a values
/// record, a label elsewhere or another declaration leaves most ApplicationSets' renders as they were. A render is
/// reused when the ApplicationSet manifest and the cluster Secrets it is rendered from are equal by content.
/// </summary>
/// <remarks>
/// Content equality ignores source spans, so <see cref="FleetValidator"/> uses a memo only for models without spans
/// (the analyzers' position-free tier); models with spans are rendered each time, so their findings carry their own
/// spans.
/// </remarks>
public sealed class RenderMemo
{
    // One render per ApplicationSet class: what an edit replaces. Bounded, since a project may declare many.
    private const int MaxEntries = 64;

    private readonly object _gate = new();
    private readonly Dictionary<string, (YamlMapping Manifest, List<YamlMapping> Secrets, RenderResult Result)> _last = new(StringComparer.Ordinal);
    private long _reused;

    /// <summary>Renders handed out again (tests and benchmarks).</summary>
    public long Reused
    {
        get
        {
            lock (_gate) return _reused;
        }
    }

    internal RenderResult Render(string className, YamlMapping manifest, List<YamlMapping> secrets, Func<RenderResult> render)
    {
        lock (_gate)
        {
            if (_last.TryGetValue(className, out var last) && last.Manifest.Equals(manifest) && last.Secrets.SequenceEqual(secrets))
            {
                _reused++;
                return last.Result;
            }
        }

        var result = render();
        lock (_gate)
        {
            if (_last.Count >= MaxEntries && !_last.ContainsKey(className)) _last.Clear();
            _last[className] = (manifest, secrets, result);
        }

        return result;
    }
}
