using System;
using System.Collections.Generic;
using System.IO;

namespace HubDsl.FileSync;

/// <summary>
/// What a long-lived writer (<c>hubdsl watch</c>) found in the generated files it planned before: per path, the text
/// read there with the file's size and last-write time. A later plan takes a file whose size and time are unchanged
/// as still holding that text, without reading it, so a pass over a 1,000-cluster fleet costs a status call per file,
/// not a read and a hash. A file whose last write was close to the moment it was read is read again next time: a
/// write in the same clock tick would not move its time (git's "racily clean" entries, Documentation/technical/racy-git.txt).
/// A build (a new process each time) passes none and reads every file.
/// </summary>
public sealed class VerifiedFiles
{
    /// <summary>
    /// How far a file's last write must lie before the moment it was read for its size and time to vouch for the text:
    /// more than the coarsest timestamp granularity in use (FAT's 2 s) and the lag of a file system's clock.
    /// </summary>
    public static readonly TimeSpan RacyMargin = TimeSpan.FromSeconds(3);

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Text, string Hash)> _hashes = new(StringComparer.Ordinal);

    /// <summary>Files whose text was taken on their size and time (tests and benchmarks).</summary>
    public long Trusted { get; private set; }

    /// <summary>Whether the file at <paramref name="path"/>, now <paramref name="stamp"/>, still holds <paramref name="normalizedText"/>.</summary>
    internal bool Holds(string path, FileStamp stamp, string normalizedText)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(path, out var entry) || !entry.Stamp.Equals(stamp) || !entry.Trustworthy) return false;
            if (!string.Equals(entry.Text, normalizedText, StringComparison.Ordinal)) return false;
            Trusted++;
            return true;
        }
    }

    /// <summary>Records the text read at <paramref name="path"/>, stamped <paramref name="stamp"/>, read no earlier than <paramref name="readUtc"/>.</summary>
    internal void Remember(string path, FileStamp stamp, string normalizedText, DateTime readUtc)
    {
        lock (_gate) _entries[path] = new Entry(stamp, normalizedText, stamp.LastWriteUtc < readUtc - RacyMargin);
    }

    /// <summary>Forgets a path (the plan found it changed, missing or in the way).</summary>
    internal void Forget(string path)
    {
        lock (_gate) _entries.Remove(path);
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
