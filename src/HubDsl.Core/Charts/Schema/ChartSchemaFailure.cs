using HubDsl.Core.Model;

namespace HubDsl.Core.Charts.Schema;

/// <summary>The violations of one chart's schema (the top chart's, or a subchart's against its part of the values).</summary>
public sealed record ChartSchemaFailure(string Chart, EquatableArray<SchemaViolation> Violations);
