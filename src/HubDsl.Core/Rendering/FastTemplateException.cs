using System;

namespace HubDsl.Core.Rendering;

/// <summary>A fasttemplate string has an opening <c>{{</c> without a closing <c>}}</c> after it.</summary>
public sealed class FastTemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FastTemplateException(string message)
        : base(message)
    {
    }
}
