using System;
using System.Collections.Generic;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>
/// The Cluster generator (applicationset/generators/cluster.go ClusterGenerator.GenerateParams, getSecretsByClusterName): select
/// cluster Secrets by label (the secret-type label is forced into the selector), de-duplicate by
/// <c>data.name</c>, add the in-cluster pseudo-cluster only for an empty selector, build params per cluster
/// and render the generator's <c>values</c> against them.
/// </summary>
internal static class ClusterGenerator
{
    private static readonly IReadOnlyDictionary<string, string> SecretTypeRequirement =
        new Dictionary<string, string>(StringComparer.Ordinal) { [ClusterInfo.SecretTypeLabel] = "cluster" };

    // The pseudo-cluster Argo CD adds without a Secret: no labels, annotations or project.
    private static readonly ClusterInfo InCluster = new(
        ClusterInfo.InClusterName, ClusterInfo.InClusterServer, new Dictionary<string, string>(), new Dictionary<string, string>(), null, new string[0], false, string.Empty, null);

    public static List<Dictionary<string, object?>> Generate(RenderContext context, YamlMapping spec, string path)
    {
        var selector = LabelSelector.TryParse(spec["selector"], validateValues: true, out var selectorError, SecretTypeRequirement)
            ?? throw new GeneratorFailure("error getting cluster secrets: error converting label selector: " + selectorError);
        // Decided on the user's selector, before the secret-type label is added.
        var ignoreLocalClusters = !selector.IsEmpty;

        // Keyed by data.name: a later Secret with the same name replaces an earlier one (Go map assignment
        // in list order; upstream the survivor is arbitrary, issue #16882).
        var byName = new Dictionary<string, ClusterInfo>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var cluster in context.Clusters)
        {
            if (!selector.Matches(cluster.Labels)) continue;
            if (!byName.ContainsKey(cluster.Name)) order.Add(cluster.Name);
            byName[cluster.Name] = cluster;
        }

        var values = TemplatedValues.Read(spec["values"] as YamlMapping);
        var flatList = spec["flatList"] is YamlScalar { Kind: ScalarKind.Bool, Value: "true" };
        var sets = new List<Dictionary<string, object?>>();
        var hasInClusterSecret = false;
        foreach (var name in order)
        {
            var cluster = byName[name];
            if (cluster.Server == ClusterInfo.InClusterServer) hasInClusterSecret = true;
            var parameters = ClusterParameters(cluster, context.GoTemplate);
            TemplatedValues.Append(context, values, parameters, cluster.Name, path, "error appending templated values for cluster: ");
            sets.Add(parameters);
        }

        // The generator does not look at cluster.inClusterEnabled (RenderOptions.IncludeInCluster).
        if (!ignoreLocalClusters && !hasInClusterSecret)
        {
            var parameters = PlainParameters(InCluster);
            TemplatedValues.Append(context, values, parameters, ClusterInfo.InClusterName, path, "error appending templated values for local cluster: ");
            sets.Add(parameters);
        }

        if (flatList)
        {
            var clusters = new List<object?>(sets);
            return new List<Dictionary<string, object?>> { new(StringComparer.Ordinal) { ["clusters"] = clusters } };
        }

        return sets;
    }

    /// <summary>The params of one Secret cluster (cluster.go GenerateParams: name, nameNormalized, server, project, metadata.*, then appendTemplatedValues).</summary>
    public static Dictionary<string, object?> ClusterParameters(ClusterInfo cluster, bool goTemplate)
    {
        var parameters = PlainParameters(cluster);
        if (goTemplate)
        {
            // The nested form of ClusterParameter.Label and .Annotation (metadata.labels, metadata.annotations): metadata
            // is always present on a Secret cluster; labels/annotations only when non-empty.
            var metadata = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (cluster.Annotations.Count > 0) metadata["annotations"] = ToDictionary(cluster.Annotations);
            if (cluster.Labels.Count > 0) metadata["labels"] = ToDictionary(cluster.Labels);
            parameters["metadata"] = metadata;
        }
        else
        {
            foreach (var annotation in cluster.Annotations) parameters[ClusterParameter.Annotation.FlatKey(annotation.Key)] = annotation.Value;
            foreach (var label in cluster.Labels) parameters[ClusterParameter.Label.FlatKey(label.Key)] = label.Value;
        }

        return parameters;
    }

    // name, nameNormalized, server, project: every parameter of the table that is not read by a key.
    private static Dictionary<string, object?> PlainParameters(ClusterInfo cluster)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var parameter in ClusterParameter.All)
        {
            if (!parameter.IsKeyed) parameters[parameter.Key] = parameter.ValueFor(cluster);
        }

        return parameters;
    }

    private static Dictionary<string, string> ToDictionary(IReadOnlyDictionary<string, string> map)
    {
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map) copy[entry.Key] = entry.Value;
        return copy;
    }
}
