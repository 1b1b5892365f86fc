using HubDsl.Core.Model;

namespace HubDsl.Core.Charts.Records;

/// <summary>
/// The values record generated from a chart (<see cref="ValuesRecordBuilder"/>): its properties and nested records,
/// with structural equality so a generator step caches it, and <see cref="ValuesRecordEmitter"/> writes it as C#.
/// </summary>
public sealed record ValuesRecordModel(string TypeName, EquatableArray<ValuesPropertyModel> Properties, string? Doc);
