using System.Diagnostics;
using HubDsl.FileSync;
using Microsoft.CodeAnalysis;

namespace HubDsl.Cli.Watch;

/// <summary>
/// <c>hubdsl watch</c>'s loop: load the project once, run a pass, then on every batch of saves update the warm
/// session and run a pass again; reload the project when its project file, an imported props file, its set of
/// sources, a referenced project or its .editorconfig changed (and say so). A pass writes the manifests only when
/// the compilation has no errors, and writes them as the build does (<see cref="ManifestWriter"/>). A pass also
/// follows when the project's record changed under watch (a <c>dotnet build</c> wrote), so the files always end
/// as the current sources generate them.
/// </summary>
internal sealed class WatchLoop(string projectFile, ReportWriter reports, TimeSpan quiet)
{
    private readonly ApplicationChanges _applications = new();
    private readonly QuietHeap _heap = new();
    private WarmSession? _session;
    private Dictionary<string, string>? _current;

    // What the file sync found in the generated files on earlier passes of this load (unchanged files are not read again).
    private VerifiedFiles _verified = new();

    // Warm-up passes after a load: enough for the runtime to optimise what a pass runs (measured: the sixth pass after a
    // start was the first as fast as later ones).
    private const int WarmUpRounds = 6;
    private WarmSession? _warmed;
    private string? _recordSeen;

    // The sources a pass dropped as stale had applied (the next pass reports them among its trigger), and whether the
    // last pass was dropped (the next batch then runs a pass even if it changes nothing more).
    private IReadOnlyList<string> _superseded = [];
    private bool _dropped;
    private readonly System.Collections.Immutable.ImmutableHashSet<string> _inputs = FleetProjectLoader.InputsOf(projectFile);

    /// <summary>Passes started, and passes dropped because a save arrived that changed what they compiled (for tests).</summary>
    internal int PassesStarted => Volatile.Read(ref _passesStarted);

    internal int PassesDropped => Volatile.Read(ref _passesDropped);

    private int _passesStarted;
    private int _passesDropped;

    /// <summary>The project as last loaded (null before the first load, or after a reload failed).</summary>
    internal LoadedProject? Project => _session?.Project;

    /// <summary>Loads, runs one pass, and returns 0 when the manifests are as the sources generate them, 1 when not.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellation) =>
        await StartAsync(cancellation) ? ExitCodes.Success : ExitCodes.Problems;

    /// <summary>Runs until cancelled (Ctrl+C), then returns 0.</summary>
    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        using var debouncer = new SaveDebouncer(IsRelevant, quiet);
        try
        {
            Watch(debouncer);
            await StartAsync(cancellation);
            Watch(debouncer);
            while (true)
            {
                var saves = await WarmWhileWaitingAsync(debouncer, cancellation);
                await HandleSavesAsync(saves, debouncer, cancellation);
                Watch(debouncer); // A reload may bring new folders to watch.
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        finally
        {
            QuietHeap.Release();
        }
    }

    /// <summary>
    /// The next batch of saves. After a load, the session warms up meanwhile (<see cref="WarmSession.WarmUpAsync"/>),
    /// once: a save stops it, and it does not start again, since stopping it costs the save the time to reach a point
    /// where Roslyn checks for cancellation (measured: restarting it after every pass made each save slower).
    /// </summary>
    private async Task<IReadOnlyList<string>> WarmWhileWaitingAsync(SaveDebouncer debouncer, CancellationToken cancellation)
    {
        var session = _session;
        if (session is null || _warmed == session)
        {
            _heap.Prepare();
            return await debouncer.NextSavesAsync(cancellation);
        }

        _warmed = session;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var warming = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            await WarmUpAsync(session, stop.Token);
            reports.Write(new ChangeReport(ChangeReport.Ready, []) { Reason = "warmed up (nothing written); saves take their usual time from now on", ElapsedMilliseconds = clock.ElapsedMilliseconds });
            _heap.Prepare();
        }, stop.Token);
        try
        {
            while (true)
            {
                // The first pass's own write of the project's record comes back as an event: it needs no pass, so it
                // does not stop the warm-up.
                var saves = await debouncer.NextSavesAsync(cancellation);
                if (!OnlyOwnRecord(saves)) return saves;
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                await warming;
            }
            catch (Exception)
            {
                // Stopped, or failed: a warm-up keeps nothing and writes nothing, and the pass that follows reports.
            }
        }
    }

    /// <summary>The warm-up that follows a load (tests run it where they choose).</summary>
    internal Task WarmUpAsync(CancellationToken cancellation) => _session is { } session ? WarmUpAsync(session, cancellation) : Task.CompletedTask;

    private static Task WarmUpAsync(WarmSession session, CancellationToken cancellation) => session.WarmUpAsync(WarmUpRounds, cancellation);

    /// <summary>Loads the project and runs the first pass; true when the files are as the sources generate them.</summary>
    internal async Task<bool> StartAsync(CancellationToken cancellation)
    {
        await LoadAsync(ChangeReport.Loaded, [Path.GetFileName(projectFile)], cancellation);
        return await PassAsync([], settle: null, cancellation);
    }

    /// <summary>
    /// Takes one batch of saved paths: reloads the project when the batch needs it (then a full pass), else hands
    /// the saved sources to the warm session and runs a pass when a text changed (or the record changed under it).
    /// Null when nothing needed a pass; else whether the files are as the sources generate them.
    /// </summary>
    internal Task<bool?> HandleAsync(IReadOnlyList<string> batch, CancellationToken cancellation) => HandleAsync(batch, settle: null, cancellation);

    private async Task<bool?> HandleAsync(IReadOnlyList<string> batch, Settle? settle, CancellationToken cancellation)
    {
        var reload = ReloadReason(batch);
        if (reload is not null) return await TryReloadAsync(reload, cancellation) && await PassAsync([], settle, cancellation);
        var changed = Apply(batch);
        // After a dropped pass the session already holds texts no pass has written: a pass follows even if this batch changed nothing more.
        if (changed.Count > 0 || _dropped || RecordChangedByOthers(batch)) return await PassAsync([.. _superseded.Union(changed, StringComparer.Ordinal)], settle, cancellation);
        return null;
    }

    /// <summary>
    /// Saves as the debouncer hands them out: the pass starts after the settle, and runs while the debounce's quiet
    /// period passes. If a save arrived meanwhile that changes what the pass compiled, the pass is dropped (nothing
    /// written, nothing reported) and the next one starts from the newer text. A reload waits for the whole quiet
    /// period first, as project files are often written in several steps, and its pass is settled the same way.
    /// </summary>
    private async Task HandleSavesAsync(IReadOnlyList<string> saves, SaveDebouncer debouncer, CancellationToken cancellation)
    {
        var pending = saves;
        while (true)
        {
            // A reload reads the project only once the saves have been quiet for the whole period; its pass is settled too.
            if (ReloadReason(pending) is not null) pending = [.. pending.Union(await debouncer.QuietAsync(cancellation), StringComparer.Ordinal)];

            IReadOnlyList<string> newer = [];
            await HandleAsync(pending, async () => newer = Superseding(await debouncer.QuietAsync(cancellation)), cancellation);
            if (newer.Count == 0) return;
            pending = newer;
        }
    }

    // The saves that arrived during a pass and make it stale: a source or AdditionalFiles item whose text is not the one
    // the pass compiled, or a change that needs a reload. Empty when they change nothing it used (the file sync's own
    // record, a save that rewrote the same text).
    private IReadOnlyList<string> Superseding(IReadOnlyList<string> saves)
    {
        var session = _session!;
        var stale = ReloadReason(saves) is not null || saves.Any(path =>
            (session.IsDocument(path) && (SourceFiles.TryRead(path) is not { } text || !session.HasText(path, text))) ||
            (session.IsAdditionalFile(path) && !session.HasAdditionalText(path, SourceFiles.TryRead(path))));
        return stale ? saves : [];
    }

    private async Task LoadAsync(string why, IReadOnlyList<string> trigger, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var project = await FleetProjectLoader.LoadAsync(projectFile, cancellation);
        _session = new WarmSession(project);
        _verified = new VerifiedFiles();
        _superseded = [];
        _dropped = false;
        reports.Write(new ChangeReport(why, trigger)
        {
            Outcome = string.Empty,
            Reason = project.Documents.Count + " source(s), " + project.Generators.Length + " generator(s), " + project.Analyzers.Length + " analyzer(s); output " + (project.Settings.OutputRoot ?? "none"),
            ElapsedMilliseconds = clock.ElapsedMilliseconds,
        });
    }

    private async Task<bool> TryReloadAsync(IReadOnlyList<string> trigger, CancellationToken cancellation)
    {
        try
        {
            await LoadAsync(ChangeReport.Reloaded, trigger, cancellation);
            return true;
        }
        catch (UserInputException e)
        {
            // Keep watching: the next save of the project file (or a source) tries again.
            _session = null;
            reports.Write(new ChangeReport(ChangeReport.Failed, trigger) { Outcome = ChangeReport.OutcomeNotWritten, Reason = e.Message });
            return false;
        }
    }

    // The project's folder and the folders of everything whose change matters (known once the project is loaded).
    private void Watch(SaveDebouncer debouncer)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
        var project = _session?.Project;
        var recursive = new List<string> { folder };
        var flat = _inputs.Select(Path.GetDirectoryName).OfType<string>().Distinct().ToList();
        if (project is not null)
        {
            recursive.AddRange(project.ReferencedProjectFolders);
            flat.AddRange(project.ReloadInputs.Select(Path.GetDirectoryName).OfType<string>().Distinct());
            flat.AddRange(project.AdditionalFiles.Select(a => Path.GetDirectoryName(a.Path)).OfType<string>().Distinct());
        }

        debouncer.Add(recursive, flat);
    }

    // Sources, project inputs, AdditionalFiles and this project's record; never build output or generated files.
    private bool IsRelevant(string path)
    {
        if (path == SaveDebouncer.Overflow) return true;
        var project = _session?.Project;
        if (project is null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
            return _inputs.Contains(path) || (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !InBuildOutput(path, folder));
        }

        if (project.ReloadInputs.Contains(path) || project.AdditionalFiles.Any(a => a.Path == path) || path == RecordPath(project)) return true;
        if (!path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) return false;
        return !InBuildOutput(path, project.Directory) && !project.ReferencedProjectFolders.Any(f => InBuildOutput(path, f) && path.StartsWith(f, StringComparison.Ordinal));
    }

    private static bool InBuildOutput(string path, string projectFolder)
    {
        var relative = Path.GetRelativePath(projectFolder, path).Replace('\\', '/');
        return relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal);
    }

    private static string? RecordPath(LoadedProject project) =>
        project.Settings.OutputRoot is { } root ? new OutputRoot(root).Resolve(OutputRecord.PathFor(project.ProjectName)) : null;

    // Why the batch needs the project read again, or null when the warm session can take it.
    private IReadOnlyList<string>? ReloadReason(IReadOnlyList<string> batch)
    {
        var project = _session?.Project;
        if (project is null) return batch.Select(p => Path.GetFileName(p) + " changed").ToList();
        var reasons = new List<string>();
        foreach (var path in batch)
        {
            if (path == SaveDebouncer.Overflow) reasons.Add("file events were lost");
            else if (project.ReloadInputs.Contains(path)) reasons.Add(Relative(project, path) + (File.Exists(path) ? " changed" : " removed"));
            else if (path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                var isDocument = _session!.IsDocument(path);
                if (isDocument && !File.Exists(path)) reasons.Add(Relative(project, path) + " removed");
                else if (!isDocument && File.Exists(path) && path.StartsWith(project.Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal)) reasons.Add(Relative(project, path) + " added");
                else if (!isDocument && project.ReferencedProjectFolders.Any(f => path.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal))) reasons.Add(Relative(project, path) + " changed");
            }
        }

        return reasons.Count == 0 ? null : reasons.Distinct().ToList();
    }

    // Hands saved sources and AdditionalFiles to the session; returns those whose text changed.
    private List<string> Apply(IReadOnlyList<string> batch)
    {
        var changed = new List<string>();
        var project = _session!.Project;
        foreach (var path in batch)
        {
            if (_session.IsDocument(path))
            {
                if (SourceFiles.TryRead(path) is { } text && _session.UpdateDocument(path, text)) changed.Add(Relative(project, path));
            }
            else if (_session.IsAdditionalFile(path) && _session.UpdateAdditionalFile(path, SourceFiles.TryRead(path)))
            {
                changed.Add(Relative(project, path));
            }
        }

        return changed;
    }

    private bool OnlyOwnRecord(IReadOnlyList<string> saves) =>
        _session is { } session && RecordPath(session.Project) is { } record && saves.All(p => p == record) && !RecordChangedByOthers(saves);

    private bool RecordChangedByOthers(IReadOnlyList<string> batch)
    {
        var record = RecordPath(_session!.Project);
        if (record is null || !batch.Contains(record)) return false;
        return ReadOrNull(record) != _recordSeen;
    }

    /// <summary>
    /// Waits until the saves a pass started from have been quiet for the debounce; returns the saves that make the pass
    /// stale (empty: it may write and report).
    /// </summary>
    private delegate Task<IReadOnlyList<string>> Settle();

    /// <summary>
    /// One pass: generate, write (when the compilation has no errors), report. True when the files are as the sources
    /// generate them. With <paramref name="settle"/>, nothing is written or reported until it has found the saves
    /// settled; a stale pass returns false and leaves its trigger for the next.
    /// </summary>
    private async Task<bool> PassAsync(IReadOnlyList<string> trigger, Settle? settle, CancellationToken cancellation)
    {
        _heap.PassStarting();
        Interlocked.Increment(ref _passesStarted);
        try
        {
            return await RunPassAsync(trigger, settle, cancellation);
        }
        finally
        {
            _heap.PassEnded();
        }
    }

    private async Task<bool> RunPassAsync(IReadOnlyList<string> trigger, Settle? settle, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var session = _session!;
        var project = session.Project;
        var generated = session.Generate(cancellation);

        // The file sync plans (reading the files, under the output root's lock) while the compiler and analyzers run
        // on the other core; it changes nothing until they have found no error.
        var prepared = project.Settings.OutputRoot is null ? null : Task.Run(() => ManifestWriter.Prepare(project, generated.Manifests, _verified, cancellation), cancellation);
        PassResult result;
        bool stale;
        try
        {
            result = generated.With(await session.DiagnosticsAsync(generated, cancellation));
            stale = settle is not null && (await settle()).Count > 0;
        }
        catch
        {
            await DiscardAsync(prepared);
            throw;
        }

        if (stale)
        {
            await DiscardAsync(prepared);
            _superseded = [.. _superseded.Union(trigger, StringComparer.Ordinal)];
            _dropped = true;
            Interlocked.Increment(ref _passesDropped);
            return false;
        }

        _superseded = [];
        _dropped = false;
        var diagnostics = Reported(project, result.Diagnostics);
        var report = new ChangeReport(ChangeReport.Pass, trigger) { Diagnostics = diagnostics, GenerateMilliseconds = result.GenerateMilliseconds, DiagnosticsMilliseconds = result.DiagnosticsMilliseconds };
        if (result.HasErrors)
        {
            await DiscardAsync(prepared);
            var errors = result.Errors.Count();
            reports.Write(report with { Outcome = ChangeReport.OutcomeNotWritten, Reason = errors + " compilation error(s); the build would fail, so the files are left as they are", ElapsedMilliseconds = clock.ElapsedMilliseconds });
            return false;
        }

        var before = _current ?? OnDisk(project, result.Manifests);
        var after = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var manifest in result.Manifests) after[manifest.Path] = manifest.Content;

        if (project.Settings.OutputRoot is null)
        {
            report = report with { Outcome = ChangeReport.OutcomePreviewOnly };
        }
        else
        {
            WriteResult written;
            using (var write = await prepared!)
            {
                written = write.Commit();
            }

            _recordSeen = ReadOrNull(RecordPath(project)!);
            if (!written.Succeeded)
            {
                reports.Write(report with { Outcome = ChangeReport.OutcomeNotWritten, Reason = "the file sync refused (as the build would)", SyncMessages = written.Problems.Concat(written.Warnings).ToList(), ElapsedMilliseconds = clock.ElapsedMilliseconds });
                return false;
            }

            report = report with
            {
                Outcome = written.Written.Count + written.Deleted.Count == 0 ? ChangeReport.OutcomeUnchanged : ChangeReport.OutcomeWritten,
                Written = written.Written, Deleted = written.Deleted, SyncMessages = written.Warnings,
            };
        }

        var elapsed = clock.ElapsedMilliseconds; // Save-to-files: the report below is extra.
        _current = after;
        reports.Write(report with { Applications = _applications.Between(before, after, path => ReadUnderOutputRoot(project, path)), ElapsedMilliseconds = elapsed });
        return true;
    }

    // A planned write that must not happen: its lock is released and nothing was changed.
    private static async Task DiscardAsync(Task<PreparedWrite>? prepared)
    {
        if (prepared is null) return;
        try
        {
            (await prepared).Dispose();
        }
        catch (OperationCanceledException)
        {
        }
    }

    // The first pass compares with what the last build left on disk.
    private static Dictionary<string, string> OnDisk(LoadedProject project, IReadOnlyList<GeneratedManifest> manifests)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (project.Settings.OutputRoot is not { } folder) return files;
        var root = new OutputRoot(folder);
        foreach (var manifest in manifests)
        {
            if (root.ObstacleOnPath(manifest.Path) is null && ReadOrNull(root.Resolve(manifest.Path)) is { } text) files[manifest.Path] = text;
        }

        return files;
    }

    // A file the build does not write (a chart's values.yaml), read only where the output root reaches without a symlink.
    private static string? ReadUnderOutputRoot(LoadedProject project, string path)
    {
        if (project.Settings.OutputRoot is not { } folder) return null;
        var root = new OutputRoot(folder);
        return OutputRoot.PathProblem(path) is null && root.ObstacleOnPath(path) is null ? ReadOrNull(root.Resolve(path)) : null;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.Exists(path) ? ContentHash.ReadText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static List<ReportedDiagnostic> Reported(LoadedProject project, IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Id.StartsWith("HUB", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden))
            .Select(d =>
            {
                var span = d.Location.GetMappedLineSpan();
                var file = span.IsValid && span.Path.Length > 0 ? Relative(project, Path.GetFullPath(span.Path, project.Directory)) : Path.GetFileName(project.ProjectFile);
                return new ReportedDiagnostic(file, span.IsValid ? span.StartLinePosition.Line + 1 : 0, d.Id, d.Severity.ToString().ToLowerInvariant(), d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            })
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    private static string Relative(LoadedProject project, string path)
    {
        var relative = Path.GetRelativePath(project.Directory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }
}
