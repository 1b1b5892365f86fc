namespace HubDsl.Core.Charts;

/// <summary>Something in a chart that HubDsl could not read or use, with the file it concerns and what to do.</summary>
public sealed record ChartProblem(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Path.Length == 0 ? Message : Path + ": " + Message;
}
