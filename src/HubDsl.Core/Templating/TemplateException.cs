using System;

namespace HubDsl.Core.Templating;

/// <summary>Base of every error the template engine reports; nothing else escapes it.</summary>
public class TemplateException : Exception
{
    public TemplateException(string message) : base(message) { }
}
