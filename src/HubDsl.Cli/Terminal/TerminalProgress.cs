namespace HubDsl.Cli.Terminal;

/// <summary>A one-line progress counter on a terminal's standard error; cleared when disposed.</summary>
public sealed class TerminalProgress : IProgress<int>, IDisposable
{
    private readonly RuntimeConsole console;
    private readonly string what;
    private readonly int total;
    private readonly object gate = new();
    private bool drawn;

    internal TerminalProgress(RuntimeConsole console, string what, int total)
    {
        this.console = console;
        this.what = what;
        this.total = total;
    }

    /// <inheritdoc />
    public void Report(int value)
    {
        if (!console.IsErrorTerminal) return;
        lock (gate)
        {
            console.Error.Write("\r" + what + " " + value + (total > 0 ? "/" + total : " done") + " ");
            console.Error.Flush();
            drawn = true;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            if (!drawn) return;
            console.Error.Write("\r" + new string(' ', what.Length + 24) + "\r");
            console.Error.Flush();
            drawn = false;
        }
    }
}
