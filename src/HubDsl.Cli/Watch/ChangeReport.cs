using HubDsl.FileSync;

namespace HubDsl.Cli.Watch;

/// <summary>
/// What one watch event did, for the text and JSON-lines writers: the project loaded or reloaded (and why), the
/// warm-up after a load finished (saves take their usual time from then on), or a
/// pass after saves: the files that triggered it, whether the manifests were written (and if not, why), the files
/// written and deleted, the Applications that changed per cluster, and the diagnostics.
/// </summary>
internal sealed record ChangeReport(string Event, IReadOnlyList<string> Trigger)
{
    public const string Loaded = "loaded";
    public const string Reloaded = "reloaded";
    public const string Pass = "pass";
    public const string Failed = "failed";
    public const string Ready = "ready";

    public const string OutcomeWritten = "written";
    public const string OutcomeUnchanged = "unchanged";
    public const string OutcomeNotWritten = "not-written";
    public const string OutcomePreviewOnly = "preview-only";

    /// <summary>written, unchanged (nothing to write), not-written (see <see cref="Reason"/>), or preview-only (HubDslOutputPath none).</summary>
    public string Outcome { get; init; } = string.Empty;

    /// <summary>Why nothing was written, or why the project could not be (re)loaded.</summary>
    public string? Reason { get; init; }

    public long ElapsedMilliseconds { get; init; }

    /// <summary>Of which: the generators, and the compiler's and analyzers' diagnostics.</summary>
    public long GenerateMilliseconds { get; init; }

    public long DiagnosticsMilliseconds { get; init; }

    public IReadOnlyList<string> Written { get; init; } = [];

    public IReadOnlyList<string> Deleted { get; init; } = [];

    public IReadOnlyList<ApplicationChange> Applications { get; init; } = [];

    public IReadOnlyList<ReportedDiagnostic> Diagnostics { get; init; } = [];

    public IReadOnlyList<SyncMessage> SyncMessages { get; init; } = [];
}

/// <summary>A diagnostic as <c>file:line: id: message</c> (file relative to the project folder).</summary>
internal sealed record ReportedDiagnostic(string File, int Line, string Id, string Severity, string Message)
{
    public override string ToString() => File + ":" + Line + ": " + Id + ": " + Message;
}
