using System.Diagnostics;
using System.Text;
using HubDsl.Core.Yaml;

namespace HubDsl.Cli.Render;

/// <summary>
/// Runs <c>helm template</c> as Argo CD's repo server does (util/helm/cmd.go: in the chart folder on ".", with its
/// own Helm home in a temporary folder), at most <see cref="RenderSettings.Parallelism"/> at a time, each within
/// <see cref="RenderSettings.HelmTimeout"/> and with its output bounded.
/// </summary>
internal sealed class HelmRunner : IDisposable
{
    /// <summary>The most output one run may print: what the YAML reader accepts from one text.</summary>
    public const int MaxOutputCharacters = YamlReaderLimits.MaxTextLength;

    private const int MaxErrorCharacters = 16 * 1024;
    private readonly string _helm;
    private readonly string _home;
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _timeout;
    private int _runs;

    /// <summary>A runner for the helm binary at <paramref name="helm"/>.</summary>
    public HelmRunner(string helm, int parallelism, TimeSpan timeout)
    {
        _helm = helm;
        _timeout = timeout;
        _slots = new SemaphoreSlim(parallelism, parallelism);
        _home = Path.Combine(Path.GetTempPath(), "hubdsl-helm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_home);
    }

    /// <summary>How many times helm ran.</summary>
    public int Runs => _runs;

    /// <summary>The rendered YAML, or throws <see cref="RenderInputException"/> with helm's own message.</summary>
    public async Task<string> TemplateAsync(HelmTemplateInput input, CancellationToken cancellation)
    {
        await _slots.WaitAsync(cancellation);
        string? inlineFile = null;
        try
        {
            Interlocked.Increment(ref _runs);
            if (input.InlineValues is not null)
            {
                // Argo CD writes values/valuesObject to a randomly named temporary file, passed as the last --values.
                inlineFile = Path.Combine(_home, Guid.NewGuid().ToString());
                await File.WriteAllTextAsync(inlineFile, input.InlineValues, cancellation);
            }

            return await RunAsync(input.ChartFolder, input.Arguments(inlineFile), cancellation);
        }
        finally
        {
            if (inlineFile is not null) File.Delete(inlineFile);
            _slots.Release();
        }
    }

    private async Task<string> RunAsync(string folder, IReadOnlyList<string> args, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(_helm) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, sub) in new[] { ("XDG_CACHE_HOME", "cache"), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("HELM_CONFIG_HOME", "config"), ("HELM_CACHE_HOME", "cache"), ("HELM_DATA_HOME", "data") })
        {
            start.Environment[name] = Path.Combine(_home, sub);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new UserInputException("cannot run helm at '" + _helm + "': " + e.Message);
        }

        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(_timeout);
        var stdout = ReadBoundedAsync(process.StandardOutput, MaxOutputCharacters, deadline);
        var stderr = ReadBoundedAsync(process.StandardError, MaxErrorCharacters, null);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            var output = await stdout;
            var error = await stderr;
            if (output is null) throw new RenderInputException("helm template printed more than " + MaxOutputCharacters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters; hubdsl render stops there");
            if (process.ExitCode != 0) throw new RenderInputException("helm template failed (exit " + process.ExitCode + "): " + OneLine(error ?? string.Empty));
            return output;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            if (stdout.IsCompleted && stdout.Result is null) throw new RenderInputException("helm template printed more than " + MaxOutputCharacters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters; hubdsl render stops there");
            throw new RenderInputException("helm template did not finish within " + _timeout.TotalSeconds + " s (--helm-timeout)");
        }
        finally
        {
            if (!process.HasExited)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // it ended meanwhile
                }
            }
        }
    }

    // Reads a stream up to a limit; past it, cancels the run (so the process is killed) and returns null.
    private static async Task<string?> ReadBoundedAsync(StreamReader reader, int limit, CancellationTokenSource? stop)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            if (text.Length + read > limit)
            {
                if (stop is null)
                {
                    text.Append(buffer, 0, limit - text.Length);
                    continue; // keep draining so the process is not blocked
                }

                stop.Cancel();
                return null;
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    private static string OneLine(string text)
    {
        var line = string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > 2000 ? line[..2000] + "..." : line;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _slots.Dispose();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a temporary folder left behind is harmless
        }
    }
}
