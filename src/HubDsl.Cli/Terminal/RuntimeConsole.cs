using HubDsl.Cli.Runtime;
using Spectre.Console;

namespace HubDsl.Cli.Terminal;

/// <summary>
/// The runtime commands' view of the terminal: where output goes, whether it is a terminal (progress and colours
/// only then), and how to ask a yes/no question (never reading a redirected or closed standard input).
/// </summary>
public sealed class RuntimeConsole
{
    /// <summary>Creates a console over writers; <paramref name="readLine"/> null means nobody can answer a prompt.</summary>
    public RuntimeConsole(TextWriter output, TextWriter error, bool outputIsTerminal, bool errorIsTerminal, Func<string?>? readLine)
    {
        Output = output;
        Error = error;
        IsOutputTerminal = outputIsTerminal;
        IsErrorTerminal = errorIsTerminal;
        ReadLine = readLine;
    }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error (prompts, progress, warnings, errors).</summary>
    public TextWriter Error { get; }

    /// <summary>Whether standard output is a terminal.</summary>
    public bool IsOutputTerminal { get; }

    /// <summary>Whether standard error is a terminal (progress is drawn there).</summary>
    public bool IsErrorTerminal { get; }

    /// <summary>Reads one answer line; null when standard input is not interactive.</summary>
    public Func<string?>? ReadLine { get; }

    /// <summary>The process console behind <paramref name="output"/> and <paramref name="error"/> (terminals detected; other writers are plain).</summary>
    public static RuntimeConsole For(TextWriter output, TextWriter error)
    {
        var outputTerminal = output == Console.Out && !Console.IsOutputRedirected;
        var errorTerminal = error == Console.Error && !Console.IsErrorRedirected;

        // Only a terminal on standard input, with the question visible on one, can be asked anything.
        var interactive = !Console.IsInputRedirected && errorTerminal;
        return new RuntimeConsole(output, error, outputTerminal, errorTerminal, interactive ? Console.In.ReadLine : null);
    }

    /// <summary>Asks a yes/no question; false (with the reason in <paramref name="refusal"/>) unless answered y/yes.</summary>
    public bool Confirm(string question, string howToSkip, out string? refusal)
    {
        if (ReadLine is null)
        {
            refusal = "standard input is not a terminal, so nobody can confirm: " + howToSkip;
            return false;
        }

        Error.Write(question + " [y/N] ");
        Error.Flush();
        var answer = ReadLine();
        if (answer is null)
        {
            Error.WriteLine();
            refusal = "no answer (standard input closed): " + howToSkip;
            return false;
        }

        var yes = answer.Trim().ToLowerInvariant() is "y" or "yes";
        refusal = yes ? null : "not confirmed";
        return yes;
    }

    /// <summary>A warning line on standard error.</summary>
    public void Warn(string message) => Error.WriteLine("hubdsl: warning: " + Redactor.Scrub(message));

    /// <summary>Progress "what n/total" redrawn on a terminal; nothing when standard error is redirected.</summary>
    public TerminalProgress Progress(string what, int total) => new(this, what, total);

    /// <summary>A Spectre console over standard output: colours on a terminal, plain wide text otherwise.</summary>
    public IAnsiConsole Ansi() => Ansi(Output, IsOutputTerminal);

    /// <summary>
    /// A Spectre console over <paramref name="output"/>: a terminal gets colours; redirected output gets plain text
    /// wide enough that rows never wrap (scripts read it line by line).
    /// </summary>
    public static IAnsiConsole Ansi(TextWriter output, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!isTerminal) console.Profile.Width = 400;
        return console;
    }
}
