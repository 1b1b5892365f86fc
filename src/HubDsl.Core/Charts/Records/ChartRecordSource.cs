namespace HubDsl.Core.Charts.Records;

/// <summary>
/// The source written for one <c>[ChartValues]</c> record: its hint name and C# text, or, when the chart cannot be read,
/// no text and the <see cref="Problem"/> (HUB033) that says why and how to fix it.
/// </summary>
public sealed record ChartRecordSource(string HintName, string? Text, string? Problem);
