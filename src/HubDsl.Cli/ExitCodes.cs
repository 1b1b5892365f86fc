namespace HubDsl.Cli;

/// <summary>The tool's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Everything rendered, applied or reachable.</summary>
    public const int Success = 0;

    /// <summary>
    /// Problems were found and reported in the output (render errors, differences, unhealthy clusters, unreadable
    /// objects), or a server failed or did not answer within <c>--timeout</c>.
    /// </summary>
    public const int Problems = 1;

    /// <summary>
    /// Bad input or usage: an unknown option or a value out of range, an unreadable, binary, empty or invalid file,
    /// a folder given as a file, not an ApplicationSet, a kubeconfig or certificate that cannot be used.
    /// </summary>
    public const int BadInput = 2;
}
