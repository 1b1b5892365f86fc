namespace HubDsl.Cli.Runtime.Registration;

/// <summary>What happened to one object.</summary>
public enum ObjectOutcome
{
    /// <summary>It did not exist and was created.</summary>
    Created,

    /// <summary>It existed and was overwritten with the wanted content.</summary>
    Updated,

    /// <summary>It existed as wanted (or, for a ServiceAccount or token Secret, is reused as it is).</summary>
    Unchanged,

    /// <summary>It was deleted.</summary>
    Deleted,

    /// <summary>It was not there.</summary>
    NotFound,

    /// <summary>The operation failed.</summary>
    Failed,
}
