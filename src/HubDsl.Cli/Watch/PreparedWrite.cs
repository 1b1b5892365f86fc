using HubDsl.FileSync;

namespace HubDsl.Cli.Watch;

/// <summary>
/// A write planned under the output root's lock and not yet carried out: watch plans (reading every generated file)
/// while the compiler and analyzers run, then commits only when they found no error, or disposes it and nothing has
/// changed. The lock is held from the plan to the commit, so a <c>dotnet build</c> cannot change the files in between.
/// </summary>
internal sealed class PreparedWrite : IDisposable
{
    private readonly OutputLock? _lock;
    private readonly SyncPlan? _plan;
    private readonly WriteResult? _refusal;

    private PreparedWrite(OutputLock? outputLock, SyncPlan? plan, WriteResult? refusal)
    {
        _lock = outputLock;
        _plan = plan;
        _refusal = refusal;
    }

    public static PreparedWrite Refused(WriteResult refusal) => new(null, null, refusal);

    public static PreparedWrite Planned(OutputLock outputLock, SyncPlan plan) =>
        plan.Problems.Count > 0 ? new PreparedWrite(outputLock, null, WriteResult.Refused(plan.Problems, plan.Warnings)) : new PreparedWrite(outputLock, plan, null);

    /// <summary>Applies the plan, all or none (or gives the reason it was refused).</summary>
    public WriteResult Commit()
    {
        if (_refusal is not null || _plan is null) return _refusal ?? WriteResult.Refused([]);
        var outcome = SyncApplier.Apply(_plan);
        var warnings = _plan.Warnings.Concat(outcome.Warnings).ToList();
        if (!outcome.Succeeded) return WriteResult.Refused([new SyncMessage(SyncCodes.IoFailure, null, outcome.Failure ?? "the sync failed")], warnings);
        return new WriteResult(true, outcome.Written.Select(w => w.Path).ToList(), outcome.Deleted.Where(d => d != _plan.RecordPath).ToList(), [], warnings);
    }

    public void Dispose() => _lock?.Dispose();
}
