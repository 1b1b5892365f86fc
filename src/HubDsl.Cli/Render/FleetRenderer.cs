using HubDsl.Core.Rendering;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Render;

/// <summary>
/// Renders every Application a fleet's ApplicationSets generate (with Core's Argo CD renderer, the one
/// <c>hubdsl preview</c> and the analyzers use) through real <c>helm template</c>: each distinct input once, in
/// parallel, then each Application's copy gets Argo CD's tracking metadata.
/// </summary>
internal static class FleetRenderer
{
    /// <summary>Renders the fleet.</summary>
    public static async Task<FleetRender> RenderAsync(IReadOnlyList<YamlMapping> applicationSets, IReadOnlyList<YamlMapping> secrets, RenderSettings settings, HelmRunner helm, CancellationToken cancellation)
    {
        var selectedSets = Select(applicationSets, settings.ApplicationSets);
        var clusterNames = ClusterNames(secrets);
        var unknownClusters = settings.Clusters.Where(c => !clusterNames.ContainsValue(c)).ToList();
        if (unknownClusters.Count > 0)
        {
            throw new UserInputException("--cluster: no cluster named " + string.Join(", ", unknownClusters.Select(c => "'" + c + "'")) + " (the fleet's clusters: " + string.Join(", ", clusterNames.Values.Distinct().OrderBy(c => c, StringComparer.Ordinal)) + ")");
        }

        var errors = new List<string>();
        var plans = new List<ApplicationPlan>();
        var options = new RenderOptions { IncludeInCluster = settings.IncludeInCluster, DefaultNamespace = settings.ArgoCdNamespace };
        foreach (var appSet in selectedSets)
        {
            var setName = Name(appSet);
            var result = ApplicationSetRenderer.Render(appSet, secrets, options);
            errors.AddRange(result.Errors.Select(e => "ApplicationSet " + setName + ": " + e.Reason + ": " + e.Message));
            foreach (var application in result.Applications)
            {
                var cluster = ClusterOf(application, clusterNames);
                if (settings.Clusters.Count > 0 && !settings.Clusters.Contains(cluster)) continue;
                plans.Add(HelmSourceResolver.Plan(application, cluster, setName, settings));
            }
        }

        // Each distinct input runs once; Applications sharing it each get their own copy of the objects.
        var outputs = new Dictionary<string, Task<string>>(StringComparer.Ordinal);
        foreach (var plan in plans.Where(p => p.Input is not null))
        {
            if (!outputs.ContainsKey(plan.Input!.Key)) outputs[plan.Input.Key] = helm.TemplateAsync(plan.Input, cancellation);
        }

        try
        {
            await Task.WhenAll(outputs.Values);
        }
        catch (RenderInputException)
        {
            // reported per Application below
        }

        var rendered = new List<RenderedApplication>();
        long total = 0;
        foreach (var plan in plans.Where(p => p.Skipped is null))
        {
            var app = new RenderedApplication(plan.Cluster, plan.Name, plan.ApplicationSet);
            if (plan.Error is not null)
            {
                rendered.Add(app with { Error = plan.Error });
                continue;
            }

            var output = outputs[plan.Input!.Key];
            if (output.IsFaulted)
            {
                var error = output.Exception!.InnerException;
                if (error is not RenderInputException) throw error!;
                rendered.Add(app with { Error = error.Message });
                continue;
            }

            var split = ManifestSplitter.Split(app, output.Result, plan, settings);
            total += split.Objects.Sum(o => (long)o.Yaml.Length);
            if (total > settings.MaxTotalCharacters)
            {
                throw new UserInputException("the rendered objects pass " + settings.MaxTotalCharacters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) +
                    " characters at " + app.Folder + " (" + rendered.Count + " of " + plans.Count + " Applications); render fewer at once with --cluster or --appset");
            }

            rendered.Add(split);
        }

        return new FleetRender
        {
            Applications = rendered.OrderBy(a => a.Cluster, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal).ToList(),
            Skipped = plans.Where(p => p.Skipped is not null).ToList(),
            ApplicationSetErrors = errors,
            DistinctInputs = outputs.Count,
        };
    }

    private static IReadOnlyList<YamlMapping> Select(IReadOnlyList<YamlMapping> applicationSets, IReadOnlyCollection<string> names)
    {
        if (names.Count == 0) return applicationSets;
        var unknown = names.Where(n => applicationSets.All(a => Name(a) != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new UserInputException("--appset: no ApplicationSet named " + string.Join(", ", unknown.Select(n => "'" + n + "'")) + " (the fleet's: " + string.Join(", ", applicationSets.Select(Name)) + ")");
        }

        return applicationSets.Where(a => names.Contains(Name(a))).ToList();
    }

    private static string Name(YamlMapping obj) => (obj["metadata"] as YamlMapping)?["name"]?.AsString() ?? string.Empty;

    // Server address to cluster name, as the hub's cluster Secrets (and the implicit in-cluster) define them.
    private static Dictionary<string, string> ClusterNames(IReadOnlyList<YamlMapping> secrets)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [ClusterInfo.InClusterServer] = ClusterInfo.InClusterName };
        foreach (var secret in secrets)
        {
            if (ClusterSecretParser.TryParse(secret, out var info, out _)) names[info.NormalizedServer] = info.Name;
        }

        return names;
    }

    private static string ClusterOf(YamlMapping application, Dictionary<string, string> clusterNames)
    {
        var destination = (application["spec"] as YamlMapping)?["destination"] as YamlMapping;
        if (destination?["name"]?.AsString() is { Length: > 0 } name) return name;
        var server = destination?["server"]?.AsString() ?? string.Empty;
        return clusterNames.TryGetValue(server.TrimEnd('/'), out var known) ? known : server;
    }
}
