namespace HubDsl.Cli;

/// <summary>The tool's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Everything rendered, applied or reachable.</summary>
    public const int Success = 0;

    /// <summary>Problems were found and reported in the output (render errors, differences, unhealthy clusters).</summary>
    public const int Problems = 1;

    /// <summary>Bad input or usage: an unreadable file, not an ApplicationSet, an unknown option.</summary>
    public const int BadInput = 2;
}
