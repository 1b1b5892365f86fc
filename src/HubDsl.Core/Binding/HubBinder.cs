using System.Collections.Generic;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Binding;

/// <summary>
/// Binds a <c>HubInstall</c> to values of the official argo-cd chart, with its real keys only
/// (argo-helm charts/argo-cd/values.yaml; the chart has no values.schema.json, so a wrong key such as <c>redis.replicas</c>
/// would be ignored silently: templates/redis/deployment.yaml hard-codes <c>replicas: 1</c>).
/// </summary>
public static class HubBinder
{
    /// <summary>Binds the first <c>HubInstall</c> member, or returns null with errors.</summary>
    public static HubModel? Bind(string className, IReadOnlyList<DslMember> members, out IReadOnlyList<DeclarationError> errors)
    {
        var context = new BindingContext(FleetBinder.ShortName(className));
        errors = context.Errors;
        DslMember? install = null;
        foreach (var member in members)
        {
            if (member.TypeName != DslNames.HubInstall) continue;
            if (install is not null) context.Error(member.Origin, "declares more than one HubInstall; keep one.");
            install ??= member;
        }

        if (install is null || install.Value is not DslObject hub)
        {
            context.Error(null, "a [Hub] class needs a HubInstall member, e.g. public static readonly HubInstall Install = new(\"argocd\") { HighAvailability = true };");
            return null;
        }

        context.Declaration = FleetBinder.ShortName(className) + "." + install.Name;
        var ha = DslReader.Bool(context, hub.Find("HighAvailability")?.Value, "HighAvailability");
        var values = new YamlMapping();
        if (ha) values.GetOrAddMapping("redis-ha").Set("enabled", YamlScalar.Bool(true));
        // controller.replicas is also what the chart sets ARGOCD_CONTROLLER_REPLICAS from (argo-helm
        // charts/argo-cd/templates/argocd-application-controller/statefulset.yaml), the shard count each replica reads.
        var controllerReplicas = Replicas(context, hub, "ControllerReplicas", 1);
        values.GetOrAddMapping("controller").Set("replicas", YamlScalar.Int(controllerReplicas));
        var tolerance = DslReader.Int(context, hub.Find("ShardTolerancePercent")?.Value, "ShardTolerancePercent") ?? Manifests.ShardAssignment.DefaultTolerancePercent;
        if (tolerance is < 0 or > 1000) context.Error(hub.Find("ShardTolerancePercent")?.Value.Origin, "ShardTolerancePercent must be from 0 to 1000.");
        Component(context, values, hub, "server", "ServerReplicas", "ServerAutoscaling", ha ? 2 : 1);
        Component(context, values, hub, "repoServer", "RepoServerReplicas", "RepoServerAutoscaling", ha ? 2 : 1);
        values.GetOrAddMapping("applicationSet").Set("replicas", YamlScalar.Int(Replicas(context, hub, "ApplicationSetReplicas", ha ? 2 : 1)));
        if (DslReader.Bool(context, hub.Find("ProgressiveSyncs")?.Value, "ProgressiveSyncs"))
        {
            values.GetOrAddMapping("configs").GetOrAddMapping("params").Set("applicationsetcontroller.enable.progressive.syncs", YamlScalar.Bool(true));
        }

        var ns = DslReader.String(context, hub.Find("Namespace")?.Value, "Namespace") ?? "argocd";
        if (!Validation.KubernetesNames.IsDnsLabel(ns)) context.Error(hub.Find("Namespace")?.Value.Origin, "namespace '" + ns + "' is not a valid Kubernetes namespace name.");
        if (controllerReplicas > 1000) context.Error(hub.Find("ControllerReplicas")?.Value.Origin, "ControllerReplicas must be at most 1000.");
        return context.HasErrors ? null : new HubModel(className, install.Name, ns, values)
        {
            ControllerReplicas = (int)controllerReplicas,
            ShardTolerancePercent = (int)tolerance,
            Origin = install.Origin,
            ControllerReplicasOrigin = hub.Find("ControllerReplicas")?.Value.Origin,
            ShardToleranceOrigin = hub.Find("ShardTolerancePercent")?.Value.Origin,
        };
    }

    private static void Component(BindingContext context, YamlMapping values, DslObject hub, string key, string replicas, string autoscaling, int fallback)
    {
        var component = values.GetOrAddMapping(key);
        if (hub.Find(autoscaling)?.Value is DslObject range)
        {
            var min = DslReader.Int(context, range.Find("MinReplicas")?.Value, autoscaling + ".MinReplicas") ?? 1;
            var max = DslReader.Int(context, range.Find("MaxReplicas")?.Value, autoscaling + ".MaxReplicas") ?? min;
            if (min < 1 || max < min) context.Error(range.Origin, autoscaling + " needs 1 <= MinReplicas <= MaxReplicas.");
            component.GetOrAddMapping("autoscaling")
                .Set("enabled", YamlScalar.Bool(true))
                .Set("minReplicas", YamlScalar.Int(min))
                .Set("maxReplicas", YamlScalar.Int(max));
        }
        else
        {
            component.Set("replicas", YamlScalar.Int(Replicas(context, hub, replicas, fallback)));
        }
    }

    private static long Replicas(BindingContext context, DslObject hub, string name, int fallback)
    {
        var value = DslReader.Int(context, hub.Find(name)?.Value, name) ?? fallback;
        if (value < 1) context.Error(hub.Find(name)?.Value.Origin, name + " must be at least 1.");
        return value;
    }
}
