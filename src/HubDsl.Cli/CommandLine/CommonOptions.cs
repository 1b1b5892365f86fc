using System.CommandLine;
using HubDsl.Cli.Runtime;
using HubDsl.Cli.Terminal;

namespace HubDsl.Cli.CommandLine;

/// <summary>The options every runtime command takes, and the error handling they share.</summary>
public sealed class CommonOptions
{
    /// <summary>--kubeconfig.</summary>
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "The kubeconfig file (default: KUBECONFIG, then ~/.kube/config)." };

    /// <summary>--hub-context.</summary>
    public Option<string?> HubContext { get; } = new("--hub-context") { Description = "The kubeconfig context of the Argo CD hub (default: the current context)." };

    /// <summary>--argocd-namespace.</summary>
    public Option<string> ArgoCdNamespace { get; } = new("--argocd-namespace") { Description = "The namespace Argo CD runs in.", DefaultValueFactory = _ => "argocd" };

    /// <summary>--insecure-skip-tls-verify.</summary>
    public Option<bool> Insecure { get; } = new("--insecure-skip-tls-verify") { Description = "Do not verify TLS certificates (hub and spokes). Unsafe; a warning is printed." };

    /// <summary>The default of --timeout, in seconds.</summary>
    public const double DefaultTimeoutSeconds = 120;

    /// <summary>--timeout: the whole command's deadline.</summary>
    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds the whole command may take (with status --watch: each refresh); a call still waiting then fails with a message naming its server.",
        DefaultValueFactory = _ => DefaultTimeoutSeconds,
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(HubContext);
        command.Options.Add(ArgoCdNamespace);
        command.Options.Add(Insecure);
        command.Options.Add(Timeout);
    }

    /// <summary>The connection options parsed.</summary>
    public HubConnectionOptions Read(ParseResult parse, RuntimeConsole console)
    {
        var insecure = parse.GetValue(Insecure);
        if (insecure) console.Warn("TLS certificate verification is off (--insecure-skip-tls-verify): connections can be intercepted");
        var ns = parse.GetValue(ArgoCdNamespace);
        if (string.IsNullOrWhiteSpace(ns)) throw new UserInputException("--argocd-namespace must not be empty");

        // The clock starts here, before the kubeconfig is read: --timeout bounds the whole command.
        var deadline = new CommandDeadline(TimeSpan.FromSeconds(parse.GetValue(Timeout)));
        return new HubConnectionOptions
        {
            KubeconfigPath = parse.GetValue(Kubeconfig),
            HubContext = parse.GetValue(HubContext),
            ArgoCdNamespace = ns,
            InsecureSkipTlsVerify = insecure,
            Deadline = deadline,
            Retry = RetryPolicy.Default.Within(deadline),
        };
    }

    /// <summary>
    /// Runs a command body: user mistakes are one "hubdsl: ..." line and exit 2, other failures one line (naming
    /// the server and call they came from) and exit 1; never a stack trace, never a credential.
    /// </summary>
    public static async Task<int> RunAsync(RuntimeConsole console, Func<Task<int>> body, int failureExitCode = ExitCodes.Problems)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (UserInputException e)
        {
            await console.Error.WriteLineAsync("hubdsl: " + Redactor.Scrub(e.Message)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("hubdsl: cancelled").ConfigureAwait(false);
            return failureExitCode;
        }
        catch (Exception e)
        {
            await console.Error.WriteLineAsync("hubdsl: " + KubeErrors.DescribeWithRequest(e)).ConfigureAwait(false);
            return failureExitCode;
        }
    }
}
