namespace HubDsl;

/// <summary>Container <c>resources</c>.</summary>
/// <param name="Requests">What the scheduler reserves.</param>
/// <param name="Limits">The most the container may use.</param>
public sealed record Resources(ResourceList? Requests = null, ResourceList? Limits = null);

/// <summary>A memory and CPU pair of Kubernetes quantities, e.g. <c>new("64Mi", "100m")</c>.</summary>
/// <param name="Memory">Memory, e.g. <c>64Mi</c>.</param>
/// <param name="Cpu">CPU, e.g. <c>100m</c>.</param>
public sealed record ResourceList(string? Memory = null, string? Cpu = null);
