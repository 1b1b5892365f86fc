using System.Threading;
using System.Threading.Tasks;
using HubDsl.FileSync;

namespace HubDsl.Cli.Tests.Watch;

/// <summary>The build task takes the same lock as watch: while watch holds the output root, a build writes nothing.</summary>
[Collection(WatchCollection.Name)]
public sealed class BuildLockTests
{
    [Fact]
    public void A_build_while_another_writer_holds_the_output_root_writes_nothing_and_says_who_to_wait_for()
    {
        using var copy = FleetCopy.Create("lock");
        using (var held = OutputLock.TryAcquire(copy.Root, TimeSpan.Zero))
        {
            Assert.NotNull(held);
            var output = copy.Build(expectSuccess: false); // The task waits 60 s, then gives up.
            Assert.Contains("another writer (hubdsl watch or another build) held", output, StringComparison.Ordinal);
            Assert.Empty(copy.Tree());
        }

        copy.Build();
        Assert.True(File.Exists(copy.Path("argocd/clusters/prod.yaml")));
    }
}
