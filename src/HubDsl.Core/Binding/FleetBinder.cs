using System.Collections.Generic;
using HubDsl.Core.Declarations;
using HubDsl.Core.Model;

namespace HubDsl.Core.Binding;

/// <summary>Binds a <c>[Fleet]</c> class's <c>Cluster</c> members to a <see cref="FleetModel"/>.</summary>
public static class FleetBinder
{
    /// <summary>Binds the members; clusters with errors are left out and their errors returned.</summary>
    public static FleetModel Bind(string className, string @namespace, IEnumerable<DslMember> members, out IReadOnlyList<DeclarationError> errors)
    {
        var clusters = new List<ClusterModel>();
        var allErrors = new List<DeclarationError>();
        foreach (var member in members)
        {
            if (member.TypeName != DslNames.Cluster) continue;
            var context = new BindingContext(ShortName(className) + "." + member.Name);
            var cluster = BindCluster(context, member);
            allErrors.AddRange(context.Errors);
            if (cluster is not null && !context.HasErrors) clusters.Add(cluster);
        }

        errors = allErrors;
        return new FleetModel(className, @namespace, clusters.ToEquatableArray());
    }

    private static ClusterModel? BindCluster(BindingContext context, DslMember member)
    {
        if (member.Value is not DslObject obj || obj.TypeName != DslNames.Cluster)
        {
            context.Error(member.Value.Origin, "expected a new Cluster(name, server) { Labels = { ... } }.");
            return null;
        }

        var name = DslReader.String(context, obj.Find("Name")?.Value, "The cluster name");
        var server = DslReader.String(context, obj.Find("Server")?.Value, "The server URL");
        if (name is { Length: 0 }) context.Error(obj.Find("Name")?.Value.Origin ?? obj.Origin, "the cluster name must not be empty.");
        if (server is { Length: 0 }) context.Error(obj.Find("Server")?.Value.Origin ?? obj.Origin, "the server URL must not be empty.");
        var namespaces = new List<string>();
        foreach (var item in DslReader.List(context, obj.Find("Namespaces")?.Value, "Namespaces"))
        {
            var ns = DslReader.String(context, item, "A namespace");
            if (ns is not null) namespaces.Add(ns);
        }

        if (name is null || server is null) return null;
        if (obj.Find("Access")?.Value is DslEnum { Member: "Namespaced" } && namespaces.Count == 0)
        {
            context.Error(obj.Find("Access")!.Value.Origin, "SpokeAccess.Namespaced needs the namespaces Argo CD may manage: set Namespaces = [\"...\"].");
        }

        var weight = DslReader.Int(context, obj.Find("ShardWeight")?.Value, "ShardWeight");
        if (weight is < 1 or > 1_000_000) context.Error(obj.Find("ShardWeight")!.Value.Origin, "ShardWeight must be from 1 to 1000000.");
        return new ClusterModel(
            member.Name,
            name,
            server,
            DslReader.StringMap(context, obj.Find("Labels")?.Value, "Labels"),
            DslReader.StringMap(context, obj.Find("Annotations")?.Value, "Annotations"),
            DslReader.String(context, obj.Find("Project")?.Value, "Project"),
            namespaces.ToEquatableArray(),
            DslReader.Bool(context, obj.Find("ClusterResources")?.Value, "ClusterResources"),
            DslReader.Bool(context, obj.Find("InsecureSkipTlsVerify")?.Value, "InsecureSkipTlsVerify"))
        {
            Access = obj.Find("Access")?.Value is DslEnum access ? access.Member : "ClusterAdmin",
            SystemNamespace = DslReader.String(context, obj.Find("SystemNamespace")?.Value, "SystemNamespace") ?? "kube-system",
            ShardWeight = weight is >= 1 and <= 1_000_000 ? (int)weight : null,
            Origin = member.Origin,
            NameOrigin = obj.Find("Name")?.Value.Origin,
            ServerOrigin = obj.Find("Server")?.Value.Origin,
            AccessOrigin = obj.Find("Access")?.Value.Origin,
            InsecureOrigin = obj.Find("InsecureSkipTlsVerify")?.Value is DslScalar { Kind: Yaml.ScalarKind.Bool, Text: "true" } insecure ? insecure.Origin : null,
        };
    }

    internal static string ShortName(string className)
    {
        var dot = className.LastIndexOf('.');
        return dot < 0 ? className : className.Substring(dot + 1);
    }
}
