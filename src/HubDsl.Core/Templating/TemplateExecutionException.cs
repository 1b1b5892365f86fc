namespace HubDsl.Core.Templating;

/// <summary>Executing the template failed; message as Go's text/template prints it.</summary>
public sealed class TemplateExecutionException : TemplateException
{
    public TemplateExecutionException(string message) : base(message) { }
}
