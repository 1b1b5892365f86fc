namespace HubDsl.KubeEmulator;

/// <summary>The PATCH flavours hubdsl sends, named by their request content types (others are 415).</summary>
public enum PatchType
{
    Merge,
    Apply,
}
