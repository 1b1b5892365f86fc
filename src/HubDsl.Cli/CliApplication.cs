using System.CommandLine;
using HubDsl.Cli.CommandLine;
using HubDsl.Cli.Commands;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Terminal;

namespace HubDsl.Cli;

/// <summary>
/// The <c>hubdsl</c> command tree. Exit codes (<see cref="ExitCodes"/>): 0 success, 1 problems found (reported
/// in the output), 2 bad input or usage. Every error is one <c>hubdsl: </c> line; none shows a stack trace.
/// </summary>
public static class CliApplication
{
    /// <summary>Runs the tool with the given arguments and writers.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, RuntimeConsole.For(output, error), CancellationToken.None);

    /// <summary>Runs the tool on a console (tests give one whose prompts they answer).</summary>
    public static async Task<int> RunAsync(string[] args, RuntimeConsole console, CancellationToken cancellation)
    {
        var parsed = CreateRoot(console).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors) await console.Error.WriteLineAsync("hubdsl: " + OptionRules.Describe(problem));
            await console.Error.WriteLineAsync("Run 'hubdsl --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            // Ctrl+C cancels the command, which then says what it did (cluster add may also roll back, within 20 s).
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Output, Error = console.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(25) }, cancellation);
        }
        catch (UserInputException e)
        {
            await console.Error.WriteLineAsync("hubdsl: " + Redactor.Scrub(e.Message));
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync("hubdsl: cancelled");
            return ExitCodes.Problems;
        }
        catch (Exception e)
        {
            // The last line of defence: a failure no command anticipated is still one line, never a stack trace.
            await console.Error.WriteLineAsync("hubdsl: unexpected " + e.GetType().Name + ": " + KubeErrors.DescribeWithRequest(e) + " (please report this)");
            return ExitCodes.Problems;
        }
    }

    /// <summary>Every command, with the option rules applied.</summary>
    internal static RootCommand CreateRoot(RuntimeConsole console)
    {
        var root = new RootCommand("HubDsl: run an Argo CD hub-spoke fleet from typed C#.");
        root.Subcommands.Add(PreviewCommand.Create(console.Output));
        root.Subcommands.Add(RenderCommand.Create(console));
        root.Subcommands.Add(ClusterCommand.Create(console));
        root.Subcommands.Add(ApplyCommand.Create(console));
        root.Subcommands.Add(DiffCommand.Create(console));
        root.Subcommands.Add(StatusCommand.Create(console));
        root.Subcommands.Add(ImportCommand.Create(console));
        root.Subcommands.Add(WatchCommand.Create(console));
        root.Subcommands.Add(FailoverCommand.Create(console));
        OptionRules.Apply(root);
        return root;
    }
}
