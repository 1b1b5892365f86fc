using System.Threading;
using System.Threading.Tasks;
namespace HubDsl.Cli.Tests.Watch;

/// <summary>The watch tests load projects and run dotnet build: one at a time, on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WatchCollection
{
    public const string Name = "watch";
}
