using HubDsl.Core.Model;

namespace HubDsl.Core.Charts;

/// <summary>The result of <see cref="ValuesKeyCheck.Check"/>: the keys no template reads, and where the check stayed silent.</summary>
public sealed record ValuesKeyReport(int CheckedKeys, EquatableArray<UnreadValuesKey> Unread, EquatableArray<SilentSubtree> Silent);
