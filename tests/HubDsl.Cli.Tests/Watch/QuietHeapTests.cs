using HubDsl.Cli.Watch;

namespace HubDsl.Cli.Tests.Watch;

/// <summary>
/// Watch keeps the garbage collector out of a pass: room reserved while idle, sized from the last pass.
/// In the watch collection, which runs alone, so no other test's allocations use the room.
/// </summary>
[Collection(WatchCollection.Name)]
public sealed class QuietHeapTests
{
    [Fact]
    public void A_pass_no_larger_than_the_last_allocates_without_a_collection()
    {
        var heap = new QuietHeap();
        heap.PassStarting();
        Allocate(48);
        heap.PassEnded();

        heap.Prepare();
        Assert.True(QuietHeap.Reserved);
        var collections = GC.CollectionCount(0);
        heap.PassStarting();
        Allocate(48);
        Assert.Equal(collections, GC.CollectionCount(0));
        heap.PassEnded();
        Assert.False(QuietHeap.Reserved);
    }

    [Fact]
    public void Prepare_twice_keeps_the_room_and_release_without_a_room_does_nothing()
    {
        QuietHeap.Release();
        var heap = new QuietHeap();
        heap.Prepare();
        heap.Prepare();
        Assert.True(QuietHeap.Reserved);
        QuietHeap.Release();
        QuietHeap.Release();
        Assert.False(QuietHeap.Reserved);
    }

    // Small objects, as a pass allocates them (Roslyn's syntax and bound nodes), all garbage at once.
    private static void Allocate(int megabytes)
    {
        var keep = new object[1024];
        for (var i = 0; i < megabytes * 2048; i++) keep[i % keep.Length] = new byte[480];
        GC.KeepAlive(keep);
    }
}
