using HubDsl.Core.Yaml;

namespace HubDsl.Core.Rendering;

/// <summary>One rendered Application and the index of the parameter set (in <see cref="RenderResult.ParamSets"/>) that produced it.</summary>
public sealed record GeneratedApplication(YamlMapping Application, int ParamSetIndex);
