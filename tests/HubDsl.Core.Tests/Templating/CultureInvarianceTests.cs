using System.Globalization;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Tests.Templating;

/// <summary>Output must not depend on the machine's culture (decimal commas, Turkish dotted i, ...).</summary>
public class CultureInvarianceTests
{
    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Every_oracle_case_gives_the_same_result_under_another_culture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        var savedUi = CultureInfo.CurrentUICulture;
        var mismatches = new List<string>();
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            foreach (var row in OracleData.Rows.Where(r => r.ParseError == null && r.ExecError == null && !r.MayRefuse && !GoOracleTests.KnownDifferences.ContainsKey(r.Template)))
            {
                var data = row.Data;
                string output;
                try
                {
                    output = GoTemplate.Parse(row.Template).Execute(data, new GoTemplateOptions { MissingKey = row.Mode, YamlParser = OracleData.ParseJsonAsYaml });
                }
                catch (TemplateException e)
                {
                    output = "ERR " + e.Message;
                }
                if (output != row.Output) mismatches.Add(row.Template + " => " + output);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(5)));
    }
}
