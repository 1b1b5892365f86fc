namespace HubDsl.Core.Templating;

/// <summary>Which limit of a <see cref="WorkBudget"/> ran out.</summary>
public enum WorkLimit
{
    /// <summary><see cref="WorkBudget.MaxSteps"/>.</summary>
    Steps,

    /// <summary><see cref="WorkBudget.MaxOutputCharacters"/>.</summary>
    Output,
}
