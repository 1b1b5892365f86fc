using System.CommandLine;
using HubDsl.Cli.Commands;

namespace HubDsl.Cli;

/// <summary>
/// The <c>hubdsl</c> command tree. Exit codes: 0 success, 1 problems found (reported in the output), 2 bad
/// input or usage. A user mistake never shows a stack trace.
/// </summary>
public static class CliApplication
{
    /// <summary>Runs the tool with the given arguments and writers.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("HubDsl: run an Argo CD hub-spoke fleet from typed C#.");
        root.Subcommands.Add(PreviewCommand.Create(output, error));
        root.Subcommands.Add(ClusterCommand.Create(output, error));
        root.Subcommands.Add(ApplyCommand.Create(output, error));
        root.Subcommands.Add(DiffCommand.Create(output, error));
        root.Subcommands.Add(StatusCommand.Create(output, error));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors) await error.WriteLineAsync("hubdsl: " + problem.Message);
            await error.WriteLineAsync("Run 'hubdsl --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            // Ctrl+C cancels the command, which then says what it did (cluster add may also roll back, within 20 s).
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(25) });
        }
        catch (UserInputException e)
        {
            await error.WriteLineAsync("hubdsl: " + e.Message);
            return ExitCodes.BadInput;
        }
    }
}
