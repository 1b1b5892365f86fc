using HubDsl.Core.Charts;
using Xunit;

namespace HubDsl.Core.Tests.Charts;

public class ValuesDocsTests
{
    private static readonly HelmChart Chart = FixtureCharts.Read("docs-comments");

    private static ValueDoc? Doc(string path) => ValuesDocs.Read(Chart.ValuesText, Chart.Values).TryGetValue(ValuesPath.Parse(path), out var d) ? d : null;

    [Fact]
    public void Helm_docs_block_above_the_key_with_default_and_type()
    {
        Assert.Equal(new ValueDoc("How many API pods\nand why", null, "one per zone"), Doc("api"));
        Assert.Equal(new ValueDoc("Port of the API", "int", null), Doc("api.port"));
    }

    [Fact]
    public void Only_the_last_dash_dash_group_counts_and_plain_comments_are_not_docs()
    {
        Assert.Equal("Log level: <debug|info>", Doc("api.logLevel")!.Description);
        Assert.Null(Doc("api.host"));
    }

    [Fact]
    public void Bitnami_params_and_old_style_paths_document_keys_anywhere()
    {
        Assert.Equal(new ValueDoc("Number of worker pods", null, null), Doc("worker.replicas"));
        Assert.Equal(new ValueDoc("Extra labels for worker pods", "object", null), Doc("worker.labels"));
        Assert.Equal("old style: documents a key that is not written below", Doc("api.sidecar.image")!.Description);
    }
}
