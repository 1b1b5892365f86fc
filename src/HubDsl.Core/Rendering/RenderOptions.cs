namespace HubDsl.Core.Rendering;

/// <summary>What the offline renderer assumes about the hub it imitates.</summary>
public sealed class RenderOptions
{
    /// <summary>
    /// Whether the local "in-cluster" cluster is enabled on the hub (<c>cluster.inClusterEnabled</c> in
    /// <c>argocd-cm</c>, default true). Like Argo CD, the Cluster generator does not look at it (it still emits
    /// the in-cluster parameter set); an Application whose destination is the in-cluster address or name then
    /// fails validation with "cluster ... is disabled" (util/db/cluster.go GetCluster).
    /// </summary>
    public bool IncludeInCluster { get; set; } = true;

    /// <summary>
    /// The namespace assumed for an ApplicationSet or Secret whose manifest has no <c>metadata.namespace</c>
    /// (kubectl would use the context's namespace; Argo CD's is normally <c>argocd</c>).
    /// </summary>
    public string DefaultNamespace { get; set; } = "argocd";

    /// <summary>
    /// The AppProjects that exist on the hub, or null to skip the check. When set, an Application whose
    /// <c>spec.project</c> ("" means <c>default</c>) is not listed fails validation like in Argo CD
    /// ("application references project X which does not exist").
    /// </summary>
    public System.Collections.Generic.IReadOnlyCollection<string>? Projects { get; set; }

    /// <summary>
    /// Answers the Git generator (Argo CD's repo-server), usually a <see cref="Git.GitRepoServer"/> over local
    /// repositories. Null: a Git generator fails with <see cref="RenderErrorReasons.OfflineUnsupported"/>.
    /// </summary>
    public Git.IGitRepoService? GitRepositories { get; set; }

    /// <summary>
    /// Parameter sets for generators that read live services (scmProvider, pullRequest, clusterDecisionResource,
    /// plugin), as those generators would produce them before their <c>values</c>: a YAML sequence of mappings,
    /// keyed by the generator's path (<c>spec.generators[1].pullRequest</c>, as errors name it) or by its kind
    /// (<c>pullRequest</c>, every generator of that kind without a path entry). Without an entry such a generator
    /// fails with <see cref="RenderErrorReasons.OfflineUnsupported"/>.
    /// </summary>
    public System.Collections.Generic.IReadOnlyDictionary<string, Yaml.YamlSequence>? GeneratorParameters { get; set; }

    // The limits below: Argo CD has none, so a template that never ends keeps its ApplicationSet controller busy.
    // Measured on real renders (RenderResult.TemplateSteps / OutputCharacters): examples/AgentFleet uses 92 steps
    // and 520 characters per Application; a goTemplate Matrix with range, toJson, printf and index uses 180 steps
    // and 560 characters. The defaults leave room for 10,000 Applications of 2,000 steps and 6 KiB each.

    /// <summary>
    /// Parameter sets (so Applications) one ApplicationSet may generate, per generator and in total. 10,000
    /// Applications from one ApplicationSet is far past what one Argo CD instance is run with, and a 2000×2000
    /// Matrix (4 million) stops here instead of filling memory.
    /// </summary>
    public int MaxParameterSets { get; set; } = 10_000;

    /// <summary>
    /// Template work for one ApplicationSet render, all strings and parameter sets together (see
    /// <see cref="Templating.WorkBudget"/>): a nested <c>range</c> stops here after a few seconds.
    /// </summary>
    public long MaxTemplateSteps { get; set; } = 20_000_000;

    /// <summary>
    /// Characters of generated output for one ApplicationSet render: every string of every generated
    /// Application (and of interpolated Matrix children), plus one per node; about the Applications' size as YAML.
    /// </summary>
    public long MaxOutputCharacters { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// The smaller limits the analyzers render with, so a keystroke stays responsive (2 million steps is a few
    /// hundred milliseconds): exceeding them is HUB021. They still fit 10,000 clusters of the measured templates.
    /// </summary>
    public static RenderOptions ForEditor() => new()
    {
        MaxParameterSets = 10_000,
        MaxTemplateSteps = 2_000_000,
        MaxOutputCharacters = 16L * 1024 * 1024,
    };
}
