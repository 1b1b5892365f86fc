namespace HubDsl.Cli.Runtime.Registration;

/// <summary>The outcome of a registration.</summary>
public sealed record ClusterRegistrationResult(string Name, string Server, string SecretName, IReadOnlyList<ObjectResult> SpokeObjects, ObjectOutcome HubSecret);
