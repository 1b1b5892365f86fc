using System.Collections.Generic;
using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>The param sets one generator produced and the template they render (generator-level template merged in).</summary>
internal sealed class TransformResult
{
    public TransformResult(List<Dictionary<string, object?>> parameters, YamlMapping template)
    {
        Params = parameters;
        Template = template;
    }

    public List<Dictionary<string, object?>> Params { get; }

    public YamlMapping Template { get; }
}
