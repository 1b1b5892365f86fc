using System.Threading.Channels;

namespace HubDsl.Cli.Watch;

/// <summary>
/// Turns file-system events into batches of saved paths: a batch is handed out only once no relevant event has
/// arrived for the quiet period, so an editor's save in several writes (truncate, write, rename over) is read
/// once, after it finished, and a half-written file is never compiled. Irrelevant paths (build output, the
/// generated files themselves, editor swap files) do not delay a batch. A lost event (the watcher's buffer
/// overflowed) yields the batch <see cref="Overflow"/>, which means "read the project again".
/// </summary>
internal sealed class SaveDebouncer : IDisposable
{
    /// <summary>The batch that stands for "events were lost".</summary>
    public const string Overflow = "\0overflow";

    private readonly Channel<string> _events = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly HashSet<string> _watched = new(StringComparer.Ordinal);
    private readonly Func<string, bool> _relevant;
    private readonly TimeSpan _quiet;

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
        watcher.Error += (_, _) => _events.Writer.TryWrite(Overflow);
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void Post(string path)
    {
        if (_relevant(path)) _events.Writer.TryWrite(path);
    }

    /// <summary>The next batch of distinct saved paths, once they have been quiet for the quiet period.</summary>
    public async Task<IReadOnlyList<string>> NextBatchAsync(CancellationToken cancellation)
    {
        var batch = new List<string> { await _events.Reader.ReadAsync(cancellation) };
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            quiet.CancelAfter(_quiet);
            try
            {
                batch.Add(await _events.Reader.ReadAsync(quiet.Token));
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return batch.Distinct(StringComparer.Ordinal).ToList();
            }
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _events.Writer.TryComplete();
    }
}
