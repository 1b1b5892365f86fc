using HubDsl.Core.Yaml;

namespace HubDsl.Core.Model;

/// <summary>A <c>[Hub]</c> declaration: the argo-cd chart values it produces.</summary>
public sealed record HubModel(string ClassName, string MemberName, string Namespace, YamlMapping ChartValues);
