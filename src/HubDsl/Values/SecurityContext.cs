namespace HubDsl;

/// <summary>A pod or container <c>securityContext</c> (the commonly set fields).</summary>
public sealed record SecurityContext(
    bool? RunAsNonRoot = null,
    long? RunAsUser = null,
    long? RunAsGroup = null,
    bool? ReadOnlyRootFilesystem = null,
    bool? AllowPrivilegeEscalation = null);
