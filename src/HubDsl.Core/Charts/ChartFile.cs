namespace HubDsl.Core.Charts;

/// <summary>
/// One file of a Helm chart: its path relative to the chart's directory, with <c>/</c> separators
/// (<c>Chart.yaml</c>, <c>templates/deployment.yaml</c>, <c>charts/redis/values.yaml</c>), and its text.
/// The generator builds these from additional files, the CLI from the file system.
/// </summary>
public sealed record ChartFile(string Path, string Text);
