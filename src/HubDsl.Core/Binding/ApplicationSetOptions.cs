namespace HubDsl.Core.Binding;

/// <summary>The <c>[ApplicationSet(...)]</c> attribute's arguments.</summary>
public sealed record ApplicationSetOptions(string Name, string Namespace, bool GoTemplate, string MissingKey, bool PreserveResourcesOnDeletion);
