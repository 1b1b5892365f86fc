using System.Collections.Generic;
using System.Linq;
using HubDsl.Core.Model;
using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Manifests;

/// <summary>
/// The argo-cd chart values the build writes: the <c>[Hub]</c> declaration's own, and, when the fleets whose cluster
/// Secrets live in the hub's namespace have <c>LeastPrivilege</c> clusters, <c>configs.cm."resource.inclusions"</c>
/// (the chart passes every <c>configs.cm</c> entry to <c>argocd-cm</c>) so Argo CD watches on those clusters only
/// what their Roles let it read (<see cref="ResourceInclusions"/>).
/// </summary>
public static class HubValues
{
    /// <summary>The values, as a new tree (the model's is never changed).</summary>
    public static YamlMapping Build(HubModel hub, IEnumerable<FleetModel> fleets, IReadOnlyList<ApplicationSetModel> applicationSets, string? fleetId = null)
    {
        var values = (YamlMapping)TemplateWalker.Clone(hub.ChartValues);
        var inclusions = ResourceInclusions.Build(fleets.Where(f => f.Namespace == hub.Namespace), applicationSets, fleetId);
        if (inclusions is not null)
        {
            values.GetOrAddMapping("configs").GetOrAddMapping("cm").Set(ResourceInclusions.Key, YamlScalar.String(YamlWriter.Write(inclusions)));
        }

        return values;
    }
}
