namespace HubDsl.Core.Charts;

/// <summary>
/// What HubDsl reads of a chart at most, so that no chart can hang the build or exhaust memory. Each limit, when
/// hit, becomes a <see cref="ChartProblem"/> naming it, and the checks stay silent rather than guess.
/// </summary>
public static class ChartLimits
{
    /// <summary>Files of one chart, its subcharts included (argo-cd with redis-ha has about 200).</summary>
    public const int MaxFiles = 5000;

    /// <summary>Characters of one file (argo-cd 10.1's ApplicationSet CRD template is 1.4 MB).</summary>
    public const int MaxFileLength = 8 * 1024 * 1024;

    /// <summary>Characters of all files together.</summary>
    public const int MaxTotalLength = 64 * 1024 * 1024;

    /// <summary>Nesting of subcharts (<c>charts/a/charts/b/...</c>).</summary>
    public const int MaxSubchartDepth = 8;

    /// <summary>
    /// Steps of the values-read analysis for one chart (a node visited, a function modelled, 32 characters of a call's
    /// memo key). Named templates are memoised by argument, so real charts need few: argo-cd with redis-ha 22,000,
    /// bitnami redis with common 23,000. Running out means a pathological chart: the check then reports nothing.
    /// </summary>
    public const int MaxAnalysisSteps = 2_000_000;

    /// <summary>
    /// Evaluations of one named template with different arguments (bitnami's common.tplvalues.render: 147 in redis).
    /// Past it, calls read their arguments whole instead of following the body.
    /// </summary>
    public const int MaxEvaluationsPerTemplate = 1000;

    /// <summary>Nested calls of one named template before the analysis stops following it (Helm's own limit is 1000).</summary>
    public const int MaxRecursion = 3;

    /// <summary>Depth of named-template calls in total.</summary>
    public const int MaxCallDepth = 60;
}
