namespace HubDsl.Core.Templating;

/// <summary>Raised by a template function; the executor wraps it as Go does: "error calling NAME: MESSAGE".</summary>
internal sealed class FunctionException : System.Exception
{
    public FunctionException(string message) : base(message) { }
}
