using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace HubDsl.Cli.CommandLine;

/// <summary>
/// Value rules every option of the tool shares, applied once to the whole command tree so no command can forget
/// them: each number option is parsed here, and a bad value is a usage error (exit 2) that names the option and
/// the accepted range, never a .NET type name or an overflow later on.
/// </summary>
internal static class OptionRules
{
    /// <summary>The longest duration any option accepts, in seconds (one day).</summary>
    public const double MaxSeconds = 86400;

    /// <summary>Applies the rules to every option of <paramref name="command"/> and its subcommands.</summary>
    public static void Apply(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                // Every fractional option of the tool is a duration in seconds (a test holds the tool to that).
                case Option<double> seconds:
                    seconds.CustomParser = result => Seconds(result, seconds);
                    break;
                case Option<int?> count:
                    count.CustomParser = result => Count(result, count.Name);
                    break;
                case Option<string> or Option<string?> or Option<string[]>:
                    option.Validators.Add(result => RejectEmpty(result, option.Name));
                    break;
            }
        }

        // An empty argument or text option (--kubeconfig "", a CONTEXT of "") is never meant: it would otherwise
        // fall back to a default or name nothing.
        foreach (var argument in command.Arguments)
        {
            if (argument.ValueType == typeof(string) || argument.ValueType == typeof(string[])) argument.Validators.Add(result => RejectEmpty(result, argument.Name));
        }

        foreach (var subcommand in command.Subcommands) Apply(subcommand);
    }

    /// <summary>A usage error as one line that names the option it is about.</summary>
    public static string Describe(ParseError error)
    {
        // System.CommandLine lists choices one per line ("Must be one of:\n\t'table'\n\t'json'"): one line here.
        var parts = error.Message.Split(new[] { '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()).Where(part => part.Length > 0).ToList();
        var message = parts.Count == 0 ? string.Empty : parts[0] + (parts.Count > 1 ? " " + string.Join(", ", parts.Skip(1)) : string.Empty);
        var option = error.SymbolResult switch
        {
            OptionResult o => o.Option.Name,
            ArgumentResult { Parent: OptionResult o } => o.Option.Name,
            _ => null,
        };
        return option is null || message.Contains(option, StringComparison.Ordinal) ? message : option + ": " + message;
    }

    private static void RejectEmpty(SymbolResult result, string name)
    {
        foreach (var token in result.Tokens)
        {
            if (string.IsNullOrWhiteSpace(token.Value)) result.AddError(name + ": the value is empty");
        }
    }

    private static double Seconds(ArgumentResult result, Option<double> option)
    {
        if (result.Tokens.Count == 0) return option.DefaultValueFactory?.Invoke(result) ?? 0;
        var text = result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > 0 && value <= MaxSeconds)
        {
            return value;
        }

        result.AddError(option.Name + ": '" + text + "' is not a number of seconds greater than 0 and at most " + MaxSeconds.ToString(CultureInfo.InvariantCulture) + " (one day)");
        return 0;
    }

    private static int? Count(ArgumentResult result, string name)
    {
        if (result.Tokens.Count == 0) return null;
        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        result.AddError(name + ": '" + text + "' is not a whole number from 0 to " + int.MaxValue.ToString(CultureInfo.InvariantCulture));
        return null;
    }
}
