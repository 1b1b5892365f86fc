namespace HubDsl.Core.Templating;

/// <summary>The template text is not valid Go template syntax (or uses an unsupported function); message as Go prints it.</summary>
public sealed class TemplateParseException : TemplateException
{
    public TemplateParseException(string message) : base(message) { }
}
