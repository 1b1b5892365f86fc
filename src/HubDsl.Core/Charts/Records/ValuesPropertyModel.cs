using HubDsl.Core.Yaml;

namespace HubDsl.Core.Charts.Records;

/// <summary>
/// One generated property: a valid C# name, the exact values key it writes (through <c>[ValuesKey]</c>), its type,
/// the chart's default (null when the chart has none) and its documentation.
/// </summary>
public sealed record ValuesPropertyModel(string Name, string Key, ValuesTypeModel Type, YamlNode? Default, string? Doc);
