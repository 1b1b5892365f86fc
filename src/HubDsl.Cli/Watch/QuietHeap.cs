using System.Runtime;

namespace HubDsl.Cli.Watch;

/// <summary>
/// Keeps the garbage collector out of a pass. A pass allocates a lot in a short time (measured at 1,000 clusters: about
/// 100 MB, which the default gen0 budget turned into 6-8 gen0 and 3-4 gen1 collections, pausing the pass 150-220 ms in
/// all). Between passes, while watch waits for a save, <see cref="Prepare"/> collects and then reserves room for the
/// next pass (<see cref="GC.TryStartNoGCRegion(long, long, bool)"/>), sized from the last pass; the pass then allocates
/// without a collection, and <see cref="PassEnded"/> ends the region. A pass that outgrows the room is collected as
/// usual (the runtime ends the region itself), and the next room is larger. If the runtime cannot reserve the room,
/// watch stops trying (and collecting) for the rest of its run.
/// </summary>
internal sealed class QuietHeap
{
    // Room (for small objects) of at least this much, and never more: a fleet whose passes allocate more simply collects during them.
    private const long Smallest = 64L << 20;
    private const long Largest = 1L << 30;

    private long _lastPass;
    private long _allocatedAtStart;
    private bool _unavailable;

    /// <summary>Whether the room is reserved now (the next pass runs without a collection, unless it outgrows it).</summary>
    public static bool Reserved => GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;

    /// <summary>Called while idle: collects what earlier passes left and reserves room for the next pass (kept if reserved already).</summary>
    public void Prepare()
    {
        if (Reserved || _unavailable) return;
        var room = Math.Clamp(_lastPass + _lastPass / 2, Smallest, Largest);
        try
        {
            // A full collection first: a pass's work lives until the next pass replaces it, so it reaches gen2, and
            // reserving room alone collects nothing (measured at 1,000 clusters: the heap grew 80 MB to 1.4 GB over 14
            // saves and each pass slowed down with it, up to threefold). Collected every time, it stays near 85 MB, and
            // the collection (about 130 ms here) falls while watch waits for the next save.
            GC.Collect();
            // Large objects (a big manifest's text) get a quarter more on top: without a size of their own, the runtime
            // would prepare the whole room for them as well.
            if (!GC.TryStartNoGCRegion(room + room / 4, room / 4, disallowFullBlockingGC: true)) _unavailable = true;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than this runtime can reserve, or a region already started: passes collect as usual.
            _unavailable = true;
        }
    }

    /// <summary>Marks the start of a pass (its allocations size the next room).</summary>
    public void PassStarting() => _allocatedAtStart = GC.GetTotalAllocatedBytes();

    /// <summary>Ends the room after a pass, remembering how much the pass allocated.</summary>
    public void PassEnded()
    {
        if (_allocatedAtStart != 0) _lastPass = GC.GetTotalAllocatedBytes() - _allocatedAtStart;
        _allocatedAtStart = 0;
        Release();
    }

    /// <summary>Ends the room (when watch stops).</summary>
    public static void Release()
    {
        if (!Reserved) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The region had already ended (the pass outgrew it, or something collected).
        }
    }
}
