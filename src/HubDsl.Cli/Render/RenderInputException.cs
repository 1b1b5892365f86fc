namespace HubDsl.Cli.Render;

/// <summary>An Application that cannot be rendered; the message names the field and the fix.</summary>
internal sealed class RenderInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RenderInputException(string message)
        : base(message)
    {
    }
}
