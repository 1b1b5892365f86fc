using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace HubDsl.FileSync;

/// <summary>
/// One writer at a time per output root, across processes: the build task and <c>hubdsl watch</c> each hold it
/// from planning to the last move, so neither reads the record while the other is half-way through a sync. It is
/// an exclusive open of a lock file in the system temp folder (an OS lock, released when the process dies, so a
/// killed build never leaves it held); the file is outside the output root, so it is never something the build
/// wrote or must clean up.
/// </summary>
public sealed class OutputLock : IDisposable
{
    private readonly FileStream _stream;

    private OutputLock(FileStream stream) => _stream = stream;

    /// <summary>The lock file for a root: one name per absolute root path (without case, as portable paths compare).</summary>
    public static string PathFor(string outputRoot)
    {
        var root = new OutputRoot(outputRoot).FullPath.ToUpperInvariant();
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(root));
        var name = new StringBuilder("hubdsl-");
        for (var i = 0; i < 12; i++) name.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return Path.Combine(Path.GetTempPath(), "hubdsl-locks", name + ".lock");
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the root's lock; null when another writer still holds it then.
    /// Throws only when the lock file cannot be created at all (an IOException naming it).
    /// </summary>
    public static OutputLock? TryAcquire(string outputRoot, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var path = PathFor(outputRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new OutputLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (IOException) when (clock.Elapsed < timeout && File.Exists(path))
            {
                // Held by another writer: wait a little. (A file that cannot be created at all is rethrown.)
            }
            catch (IOException) when (File.Exists(path))
            {
                return null;
            }

            if (cancellation.WaitHandle.WaitOne(25)) cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();
}
