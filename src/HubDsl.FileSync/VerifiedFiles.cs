using System;
using System.Collections.Generic;

namespace HubDsl.FileSync;

/// <summary>
/// What a long-lived writer (<c>hubdsl watch</c>) read in the files under its output root on earlier plans: per path,
/// the text found there with the file's size and last-write time. A later plan takes a file whose size and time are
/// unchanged as still holding that text, without reading it, so a pass over a 1,000-cluster fleet costs a status call
/// per file, not a read and a hash. A file whose last write was close to the moment it was read is read again next
/// time: a write in the same clock tick would not move its time (git's "racily clean" entries,
/// Documentation/technical/racy-git.txt). A build (a new process each time) passes none and reads every file.
/// </summary>
public sealed class VerifiedFiles
{
    /// <summary>
    /// How far a file's last write must lie before the moment it was read for its size and time to vouch for the text:
    /// more than the coarsest timestamp granularity in use (FAT's 2 s) and the lag of a file system's clock.
    /// </summary>
    public static readonly TimeSpan RacyMargin = TimeSpan.FromSeconds(3);

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Text, string Hash)> _hashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Text, OutputRecord Record)> _records = new(StringComparer.Ordinal);

    /// <summary>Files whose text was taken on their size and time (tests and benchmarks).</summary>
    public long Trusted { get; private set; }

    /// <summary>
    /// The text of the file at <paramref name="path"/>, now stamped <paramref name="stamp"/>: remembered when the stamp
    /// vouches for it, else <paramref name="read"/> (null: too large to hold).
    /// </summary>
    internal string? TextOf(string path, FileStamp stamp, Func<string?> read)
    {
        lock (_gate)
        {
            if (_texts.TryGetValue(path, out var entry) && entry.Stamp.Equals(stamp) && entry.Trustworthy)
            {
                Trusted++;
                return entry.Text;
            }
        }

        var readUtc = DateTime.UtcNow;
        var text = read();
        lock (_gate)
        {
            if (text is null) _texts.Remove(path);
            else _texts[path] = new Entry(stamp, text, stamp.LastWriteUtc < readUtc - RacyMargin);
        }

        return text;
    }

    /// <summary>Forgets a path (the plan found nothing, or something else, there).</summary>
    internal void Forget(string path)
    {
        lock (_gate) _texts.Remove(path);
    }

    /// <summary>The content's hash for the output record, computed again only when the path's content changed.</summary>
    internal string HashOf(string path, string content)
    {
        lock (_gate)
        {
            if (_hashes.TryGetValue(path, out var known) && string.Equals(known.Text, content, StringComparison.Ordinal)) return known.Hash;
        }

        var hash = ContentHash.Of(content);
        lock (_gate) _hashes[path] = (content, hash);
        return hash;
    }

    /// <summary>The record at <paramref name="path"/> parsed from <paramref name="text"/>, parsed again only when the text changed.</summary>
    internal OutputRecord RecordOf(string path, string text, Func<OutputRecord> parse)
    {
        lock (_gate)
        {
            if (_records.TryGetValue(path, out var known) && string.Equals(known.Text, text, StringComparison.Ordinal)) return known.Record;
        }

        var record = parse();
        lock (_gate) _records[path] = (text, record);
        return record;
    }

    private sealed class Entry
    {
        public Entry(FileStamp stamp, string text, bool trustworthy)
        {
            Stamp = stamp;
            Text = text;
            Trustworthy = trustworthy;
        }

        public FileStamp Stamp { get; }

        public string Text { get; }

        public bool Trustworthy { get; }
    }
}
