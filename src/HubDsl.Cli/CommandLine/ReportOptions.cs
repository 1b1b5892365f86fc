using System.CommandLine;

namespace HubDsl.Cli.CommandLine;

/// <summary>
/// The options of the commands that print a report (<c>status</c>, <c>apply</c>, <c>cluster list|get|rm</c>): its
/// format and, where spokes are probed, how long each probe may take. One definition, so the commands agree.
/// </summary>
public static class ReportOptions
{
    /// <summary><c>--output</c>/<c>-o</c>: <c>table</c> (the default) or <c>json</c>.</summary>
    public static Option<string> Format() =>
        new Option<string>("--output", "-o") { Description = "table or json.", DefaultValueFactory = _ => "table" }.AcceptOnlyFromAmong("table", "json");

    /// <summary><c>--probe-timeout</c>: seconds to wait for each spoke's <c>/version</c> (default 5).</summary>
    public static Option<double> ProbeTimeout() =>
        new("--probe-timeout") { Description = "Seconds to wait for each spoke's /version.", DefaultValueFactory = _ => 5 };
}
