namespace HubDsl.Cli.Runtime.Registration;

/// <summary>One object and what happened to it.</summary>
public sealed record ObjectResult(string Object, ObjectOutcome Outcome, string? Message = null);
