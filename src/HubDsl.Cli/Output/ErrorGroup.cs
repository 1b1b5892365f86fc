using HubDsl.Core.Rendering;

namespace HubDsl.Cli.Output;

/// <summary>
/// Render errors as preview reports them: one entry per distinct (reason, generator, message), with how many
/// parameter sets gave it and which (a template error in every cluster is one line, not one per cluster).
/// </summary>
internal sealed class ErrorGroup
{
    private const int NamedParameterSets = 5;

    private ErrorGroup(string reason, string message, string? generator)
    {
        Reason = reason;
        Message = message;
        Generator = generator;
    }

    public string Reason { get; }

    public string Message { get; }

    /// <summary>The generator (<c>spec.generators[0]</c>), when the error comes from one.</summary>
    public string? Generator { get; }

    /// <summary>The parameter sets (or clusters) that gave the error, in order.</summary>
    public List<string> ParameterSets { get; } = new();

    /// <summary>How many errors the group stands for.</summary>
    public int Count { get; private set; }

    public static IReadOnlyList<ErrorGroup> Of(IEnumerable<RenderError> errors)
    {
        var groups = new List<ErrorGroup>();
        var byKey = new Dictionary<(string, string, string?), ErrorGroup>();
        foreach (var error in errors)
        {
            var key = (error.Reason, error.Message, error.Generator);
            if (!byKey.TryGetValue(key, out var group))
            {
                group = new ErrorGroup(error.Reason, error.Message, error.Generator);
                byKey[key] = group;
                groups.Add(group);
            }

            group.Count++;
            if (error.ParameterSet is not null) group.ParameterSets.Add(error.ParameterSet);
        }

        return groups;
    }

    /// <summary>
    /// <c>RenderTemplateParamsError in spec.generators[0], 3 parameter sets (prod, staging, dr): message</c>, or with one
    /// parameter set <c>..., parameter set "prod": message</c>.
    /// </summary>
    public string Line()
    {
        var where = new List<string>();
        if (Generator is not null) where.Add(Generator);
        if (ParameterSets.Count == 1) where.Add("parameter set " + Quote(ParameterSets[0]));
        else if (ParameterSets.Count > 1)
        {
            var named = string.Join(", ", ParameterSets.Take(NamedParameterSets).Select(Quote)) + (ParameterSets.Count > NamedParameterSets ? ", ..." : string.Empty);
            where.Add(ParameterSets.Count + " parameter sets (" + named + ")");
        }
        else if (Count > 1) where.Add(Count + " times");

        return Reason + (where.Count > 0 ? " in " + string.Join(", ", where) : string.Empty) + ": " + Message;
    }

    private static string Quote(string s) => "\"" + s + "\"";
}
