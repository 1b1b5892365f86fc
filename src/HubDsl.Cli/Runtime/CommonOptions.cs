using System.CommandLine;

namespace HubDsl.Cli.Runtime;

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

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(HubContext);
        command.Options.Add(ArgoCdNamespace);
        command.Options.Add(Insecure);
    }

    /// <summary>The connection options parsed.</summary>
    public HubConnectionOptions Read(ParseResult parse, RuntimeConsole console)
    {
        var insecure = parse.GetValue(Insecure);
        if (insecure) console.Warn("TLS certificate verification is off (--insecure-skip-tls-verify): connections can be intercepted");
        var ns = parse.GetValue(ArgoCdNamespace);
        if (string.IsNullOrWhiteSpace(ns)) throw new UserInputException("--argocd-namespace must not be empty");
        return new HubConnectionOptions
        {
            KubeconfigPath = parse.GetValue(Kubeconfig),
            HubContext = parse.GetValue(HubContext),
            ArgoCdNamespace = ns,
            InsecureSkipTlsVerify = insecure,
        };
    }

    /// <summary>
    /// Runs a command body: user mistakes are one "hubdsl: ..." line and exit 2, other failures one line and
    /// exit 1; never a stack trace, never a credential.
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
            await console.Error.WriteLineAsync("hubdsl: " + KubeErrors.Describe(e)).ConfigureAwait(false);
            return failureExitCode;
        }
    }

    /// <summary>Parses "k=v" pairs (labels, annotations); a user error names the option.</summary>
    public static Dictionary<string, string> Pairs(IEnumerable<string>? values, string option, bool validateLabels)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values ?? Array.Empty<string>())
        {
            var equals = value.IndexOf('=');
            if (equals <= 0) throw new UserInputException(option + " '" + value + "' is not key=value");
            var key = value.Substring(0, equals);
            var text = value.Substring(equals + 1);
            if (validateLabels) LabelRules.Validate(key, text, option);
            pairs[key] = text;
        }

        return pairs;
    }
}
