using System.Diagnostics;
using System.Threading.Channels;

namespace HubDsl.Cli.Watch;

/// <summary>
/// Turns file-system events into batches of saved paths. An editor's save comes as several events (truncate, write,
/// rename over), so a path is read only once its events have stopped: <see cref="NextSavesAsync"/> hands out the
/// first saves after a short settle, and a pass that used them counts only when <see cref="QuietAsync"/> then finds
/// no further event within the whole quiet period (the debounce); so a half-written file may be compiled, but
/// nothing compiled from one is ever written or reported. Irrelevant paths (build output, the generated files
/// themselves, editor swap files) delay nothing. A lost event (the watcher's buffer overflowed) yields the path
/// <see cref="Overflow"/>, which means "read the project again".
/// </summary>
internal sealed class SaveDebouncer : IDisposable
{
    /// <summary>The batch that stands for "events were lost".</summary>
    public const string Overflow = "\0overflow";

    // A save's own events come within a millisecond of each other (one write call, or a rename over the file); the
    // settle lets them land before a pass reads the file, and the quiet period still guards what the pass leaves.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(10);

    private readonly Channel<(string Path, long At)> _events = Channel.CreateUnbounded<(string Path, long At)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly HashSet<string> _watched = new(StringComparer.Ordinal);
    private readonly Func<string, bool> _relevant;
    private readonly TimeSpan _quiet;

    // When the last event handed out arrived (a Stopwatch timestamp).
    private long _lastAt;

    public SaveDebouncer(Func<string, bool> relevant, TimeSpan quiet)
    {
        _relevant = relevant;
        _quiet = quiet;
    }

    /// <summary>
    /// Starts watching folders not watched yet: <paramref name="recursive"/> with their subfolders (the project's,
    /// referenced projects'), <paramref name="flat"/> without (those holding Directory.Build.props and the like).
    /// Watching starts before the project is read, so a save during a load or a pass is not missed.
    /// </summary>
    public void Add(IEnumerable<string> recursive, IEnumerable<string> flat)
    {
        foreach (var folder in recursive.Where(Directory.Exists).Where(f => _watched.Add(f + "/**"))) Watch(folder, true);
        foreach (var folder in flat.Where(Directory.Exists).Where(f => !_watched.Contains(f + "/**") && _watched.Add(f))) Watch(folder, false);
    }

    private void Watch(string folder, bool subfolders)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = subfolders,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += (_, e) => Post(e.FullPath);
        watcher.Created += (_, e) => Post(e.FullPath);
        watcher.Deleted += (_, e) => Post(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Post(e.OldFullPath);
            Post(e.FullPath);
        };
        watcher.Error += (_, _) => _events.Writer.TryWrite((Overflow, Stopwatch.GetTimestamp()));
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void Post(string path)
    {
        if (_relevant(path)) _events.Writer.TryWrite((path, Stopwatch.GetTimestamp()));
    }

    /// <summary>
    /// The next saved paths, once the settle (at most the quiet period) has passed without a further event. A pass
    /// may start on them; what it compiled counts only if <see cref="QuietAsync"/> then returns nothing that changes it.
    /// </summary>
    public Task<IReadOnlyList<string>> NextSavesAsync(CancellationToken cancellation) => NextAsync(Settle < _quiet ? Settle : _quiet, cancellation);

    /// <summary>
    /// The paths saved since the last batch, once no event has arrived for the quiet period (at once, and empty, when
    /// the last one is older than that and none is waiting).
    /// </summary>
    public async Task<IReadOnlyList<string>> QuietAsync(CancellationToken cancellation) => Distinct(await UntilQuietAsync([], _quiet, cancellation));

    private async Task<IReadOnlyList<string>> NextAsync(TimeSpan quiet, CancellationToken cancellation)
    {
        var (path, at) = await _events.Reader.ReadAsync(cancellation);
        _lastAt = at;
        return Distinct(await UntilQuietAsync([path], quiet, cancellation));
    }

    private async Task<List<string>> UntilQuietAsync(List<string> batch, TimeSpan quiet, CancellationToken cancellation)
    {
        while (true)
        {
            while (_events.Reader.TryRead(out var waiting))
            {
                batch.Add(waiting.Path);
                _lastAt = Math.Max(_lastAt, waiting.At);
            }

            var left = quiet - Stopwatch.GetElapsedTime(_lastAt);
            if (left <= TimeSpan.Zero) return batch;
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            wait.CancelAfter(left);
            try
            {
                var (path, at) = await _events.Reader.ReadAsync(wait.Token);
                batch.Add(path);
                _lastAt = Math.Max(_lastAt, at);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                // Quiet for the rest of the period; the loop drains what raced the timer.
            }
        }
    }

    private static List<string> Distinct(List<string> batch) => batch.Distinct(StringComparer.Ordinal).ToList();

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _events.Writer.TryComplete();
    }
}
