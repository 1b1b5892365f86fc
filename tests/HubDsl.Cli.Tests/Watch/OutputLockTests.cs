using System.Threading;
using System.Threading.Tasks;
using HubDsl.FileSync;

namespace HubDsl.Cli.Tests.Watch;

/// <summary>
/// The output root's lock, which the build task and watch both take from planning to the last move: while one
/// holds it, the other waits (and gives up, writing nothing, after its timeout).
/// </summary>
public sealed class OutputLockTests
{
    [Fact]
    public async Task A_second_writer_waits_for_the_first_and_gets_the_lock_once_it_is_released()
    {
        var root = Path.Combine(Path.GetTempPath(), "hubdsl-lock-" + Guid.NewGuid().ToString("N"));
        var first = OutputLock.TryAcquire(root, TimeSpan.Zero);
        Assert.NotNull(first);
        try
        {
            // Another process's view is the same OS lock: a second open in this process is refused too.
            Assert.Null(OutputLock.TryAcquire(root, TimeSpan.FromMilliseconds(200)));
            Assert.Null(OutputLock.TryAcquire(root + "/", TimeSpan.Zero)); // the same root, spelled differently
            using var other = OutputLock.TryAcquire(root + "-other", TimeSpan.Zero);
            Assert.NotNull(other); // another root is not blocked

            var waiting = Task.Run(() => OutputLock.TryAcquire(root, TimeSpan.FromMinutes(1)));
            Assert.NotSame(waiting, await Task.WhenAny(waiting, Task.Delay(300)));
            first.Dispose();
            using var second = await waiting;
            Assert.NotNull(second);
        }
        finally
        {
            first.Dispose();
        }
    }
}
