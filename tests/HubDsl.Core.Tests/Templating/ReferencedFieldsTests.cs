using HubDsl.Core.Templating;

namespace HubDsl.Core.Tests.Templating;

public class ReferencedFieldsTests
{
    [Fact]
    public void Lists_field_paths_variable_paths_and_constant_index_paths()
    {
        var t = GoTemplate.Parse("{{ .name | normalize }}-{{ index .metadata.labels \"my-label\" }}{{ $v := .values }}{{ $v.revision }}{{ if .a.b }}{{ (index .list 0).x }}{{ end }}{{ define \"d\" }}{{ .inner }}{{ end }}");
        Assert.Equal(
            new[] { "name", "metadata.labels.my-label", "metadata.labels", "values", "$v.revision", "a.b", "list", "inner" }.OrderBy(x => x),
            t.ReferencedFields.OrderBy(x => x));
    }

    [Fact]
    public void Plain_text_references_nothing()
    {
        Assert.Empty(GoTemplate.Parse("no actions here {{/* not even this .x */}}").ReferencedFields);
    }
}
