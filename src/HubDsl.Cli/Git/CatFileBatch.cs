using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HubDsl.Cli.Git;

/// <summary>
/// One <c>git cat-file --batch</c> process per repository: object ids go in on stdin (hex only, never an
/// option), raw object bytes come out (no filters, no textconv). Each read is bounded in size and time.
/// </summary>
internal sealed class CatFileBatch : IDisposable
{
    private readonly Process process;
    private readonly Stream output;

    public CatFileBatch(string gitDirectory)
    {
        var start = GitCommand.StartInfo(gitDirectory, null, new[] { "cat-file", "--batch" });
        try
        {
            process = Process.Start(start) ?? throw new GitCommandException("git cat-file could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GitCommandException("the git program could not be run (" + e.Message + "); install git, which reading repositories needs");
        }

        output = process.StandardOutput.BaseStream;
        // Its messages are not needed; drain them so it never blocks on a full pipe.
        _ = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The bytes of a blob.</summary>
    /// <exception cref="GitCommandException">The object is missing, larger than <paramref name="maxBytes"/>, or git did not answer in time.</exception>
    public byte[] Read(string objectId, long maxBytes)
    {
        var read = Task.Run(() =>
        {
            process.StandardInput.Write(objectId + "\n");
            process.StandardInput.Flush();
            var header = ReadLine();
            var parts = header.Split(' ');
            if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size)) throw new GitCommandException("git cat-file answered '" + header + "' for object " + objectId);
            if (size > maxBytes)
            {
                throw new GitCommandException("an object of " + size.ToString(CultureInfo.InvariantCulture) + " bytes is larger than the " + maxBytes.ToString(CultureInfo.InvariantCulture) + " bytes HubDsl reads from one file", isLimit: true);
            }

            var bytes = new byte[size];
            var offset = 0;
            while (offset < size)
            {
                var n = output.Read(bytes, offset, (int)Math.Min(size - offset, 1 << 20));
                if (n <= 0) throw new GitCommandException("git cat-file ended while sending object " + objectId);
                offset += n;
            }

            output.ReadByte(); // the newline after the object
            return bytes;
        });
        try
        {
            if (!read.Wait(GitCommand.Timeout))
            {
                GitCommand.Kill(process);
                throw new GitCommandException("git cat-file took longer than " + GitCommand.Timeout.TotalSeconds + " s to send one file, HubDsl's limit", isLimit: true);
            }

            return read.Result;
        }
        catch (AggregateException e) when (e.InnerException is GitCommandException inner)
        {
            throw inner;
        }
        catch (AggregateException e) when (e.InnerException is IOException inner)
        {
            throw new GitCommandException("git cat-file failed: " + inner.Message);
        }
    }

    private string ReadLine()
    {
        var line = new List<byte>();
        while (true)
        {
            var b = output.ReadByte();
            if (b < 0) throw new GitCommandException("git cat-file ended unexpectedly");
            if (b == '\n') return Encoding.UTF8.GetString(line.ToArray());
            if (line.Count > 4096) throw new GitCommandException("git cat-file sent an unexpected header");
            line.Add((byte)b);
        }
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(5))) GitCommand.Kill(process);
        }
        catch (IOException)
        {
            GitCommand.Kill(process);
        }
        finally
        {
            process.Dispose();
        }
    }
}
