namespace HubDsl.Cli.Terminal;

/// <summary>A one-line progress counter on a terminal's standard error; cleared when disposed.</summary>
public sealed class TerminalProgress : IProgress<int>, IDisposable
{
    private readonly RuntimeConsole _console;
    private readonly string _what;
    private readonly int _total;
    private readonly object _gate = new();
    private bool _drawn;

    internal TerminalProgress(RuntimeConsole console, string what, int total)
    {
        _console = console;
        _what = what;
        _total = total;
    }

    /// <inheritdoc />
    public void Report(int value)
    {
        if (!_console.IsErrorTerminal) return;
        lock (_gate)
        {
            _console.Error.Write("\r" + _what + " " + value + (_total > 0 ? "/" + _total : " done") + " ");
            _console.Error.Flush();
            _drawn = true;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_drawn) return;
            _console.Error.Write("\r" + new string(' ', _what.Length + 24) + "\r");
            _console.Error.Flush();
            _drawn = false;
        }
    }
}
