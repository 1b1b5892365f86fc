using System;

namespace HubDsl.Core.Templating;

/// <summary>Execution options, mirroring Argo CD's <c>goTemplateOptions</c>.</summary>
public sealed class GoTemplateOptions
{
    public MissingKeyOption MissingKey { get; set; }

    /// <summary>
    /// Called with the dotted path as written (e.g. "metadata.labels.env") whenever a field lookup on a map misses,
    /// in every mode: Go itself stays silent outside missingkey=error, so this is how callers find silent misses.
    /// </summary>
    public Action<string>? OnMissingKey { get; set; }

    /// <summary>
    /// The work this execution may do, shared with other executions when the caller passes the same budget;
    /// null gives the execution a budget of its own (<see cref="WorkBudget.DefaultMaxSteps"/>, 16 Mi characters).
    /// </summary>
    public WorkBudget? Budget { get; set; }

    /// <summary>Parses YAML for fromYaml/fromYamlArray into the data model; without it those functions fail.</summary>
    public Func<string, object?>? YamlParser { get; set; }
}
