namespace HubDsl.KubeEmulator;

/// <summary>The PATCH flavours, named by their request content types.</summary>
public enum PatchType
{
    Json,
    Merge,
    StrategicMerge,
    Apply,
}
