using System.CommandLine;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Terminal;
using HubDsl.Cli.Watch;

namespace HubDsl.Cli.Commands;

/// <summary>
/// <c>hubdsl watch [PROJECT] [--once] [-o json]</c>: keeps the fleet project compiled in memory and, on every save,
/// writes exactly what <c>dotnet build</c> would write and reports which clusters' Applications changed. Exit 0 when
/// stopped with Ctrl+C (or, with --once, when the files are as the sources generate them), 1 when --once could not
/// write them (compilation errors, or the file sync refused), 2 for bad input (no project, a project MSBuild cannot load).
/// </summary>
internal static class WatchCommand
{
    public static Command Create(RuntimeConsole console)
    {
        var project = new Argument<string?>("PROJECT") { Description = "The fleet's project file, or a folder holding one (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var once = new Option<bool>("--once") { Description = "Do one pass (load, generate, write, report) and exit." };
        var format = new Option<string>("--output", "-o") { Description = "text, or json (one JSON object per line).", DefaultValueFactory = _ => "text" }.AcceptOnlyFromAmong("text", "json");
        var debounce = new Option<double>("--debounce") { Description = "Seconds without further saves before a pass starts, so a file is read only once its save has finished.", DefaultValueFactory = _ => 0.05 };
        var command = new Command("watch", "Regenerate the fleet's manifests on every save, as dotnet build writes them, and show which clusters' Applications changed.") { project, once, format, debounce };
        command.SetAction(async (parse, cancellation) =>
        {
            var file = ProjectFile(parse.GetValue(project));
            var loop = new WatchLoop(file, new ReportWriter(console.Output, parse.GetValue(format) == "json"), TimeSpan.FromSeconds(parse.GetValue(debounce)));
            if (parse.GetValue(once))
            {
                try
                {
                    return await loop.RunOnceAsync(cancellation);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    // A write is all or none under the output lock, so an interrupted pass left the files as they were or complete.
                    await console.Error.WriteLineAsync("hubdsl: watch --once interrupted; the output folder is as it was or fully written, never half");
                    return ExitCodes.Problems;
                }
            }

            var exit = await loop.RunAsync(cancellation);
            await console.Error.WriteLineAsync("hubdsl: watch stopped");
            return exit;
        });
        return command;
    }

    /// <summary>The project file a PROJECT argument names: a .csproj, or the one .csproj in a folder.</summary>
    internal static string ProjectFile(string? argument)
    {
        var path = Path.GetFullPath(argument ?? Directory.GetCurrentDirectory());
        if (File.Exists(path))
        {
            if (!path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)) throw new UserInputException("PROJECT: '" + argument + "' is not a C# project file (.csproj); give the fleet's project file or its folder");
            return path;
        }

        if (!Directory.Exists(path)) throw new UserInputException("PROJECT: '" + (argument ?? path) + "' does not exist; give the fleet's project file or its folder");
        var projects = Directory.GetFiles(path, "*.csproj");
        return projects.Length switch
        {
            1 => projects[0],
            0 => throw new UserInputException("PROJECT: '" + path + "' holds no .csproj; give the fleet's project file or its folder"),
            _ => throw new UserInputException("PROJECT: '" + path + "' holds " + projects.Length + " project files (" + string.Join(", ", projects.Select(Path.GetFileName).Order(StringComparer.Ordinal)) + "); name one"),
        };
    }
}
