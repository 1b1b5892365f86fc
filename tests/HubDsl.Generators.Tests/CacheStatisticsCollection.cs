namespace HubDsl.Generators.Tests;

/// <summary>
/// Tests that read a project's evaluation-cache statistics run alone: the caches keep only the most recently used
/// projects (EvaluationCaches.MaxProjects), and tests running beside them with projects of their own could drop the
/// cache under test half-way and reset its counts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CacheStatisticsCollection
{
    public const string Name = "Evaluation cache statistics";
}
