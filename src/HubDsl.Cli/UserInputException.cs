namespace HubDsl.Cli;

/// <summary>A mistake in what the user gave the tool; its message names the file or option and what is wrong.</summary>
public sealed class UserInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UserInputException(string message)
        : base(message)
    {
    }
}
