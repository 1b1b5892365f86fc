using System;

namespace HubDsl.Core.Rendering;

/// <summary>A generator failed: reported as ApplicationGenerationFromParamsError and blocks the ApplicationSet.</summary>
internal sealed class GeneratorFailure : Exception
{
    public GeneratorFailure(string message)
        : base(message)
    {
    }
}
