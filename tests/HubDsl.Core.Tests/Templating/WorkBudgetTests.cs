using System.Threading.Tasks;
using HubDsl.Core.Templating;

namespace HubDsl.Core.Tests.Templating;

/// <summary>
/// The template engine's work budget: Go has no limit, so each of these templates would run for hours or fill
/// memory; HubDsl ends them with <see cref="WorkLimitExceededException"/> saying where and which limit.
/// </summary>
public sealed class WorkBudgetTests
{
    private static string Run(string template, WorkBudget? budget = null, Dictionary<string, object?>? data = null) =>
        GoTemplate.Parse(template).Execute(data ?? new Dictionary<string, object?>(), new GoTemplateOptions { Budget = budget });

    [Fact(Timeout = 120_000)]
    public async Task A_nested_range_stops_at_the_step_limit_and_says_where()
    {
        await Task.Yield();
        var e = Assert.Throws<WorkLimitExceededException>(() => Run("{{ range until 1000000 }}{{ range until 1000000 }}{{ end }}{{ end }}", new WorkBudget(100_000, 1000)));
        Assert.Equal(WorkLimit.Steps, e.Limit);
        Assert.Equal(100_000, e.Maximum);
        Assert.Equal("more than HubDsl's limit of 100,000 template steps", e.Message);
        Assert.StartsWith("base:1:", e.Location);
    }

    [Fact]
    public void Without_a_budget_a_template_gets_the_default_one()
    {
        var e = Assert.Throws<WorkLimitExceededException>(() => Run("{{ range until 1000000 }}{{ range until 1000000 }}{{ end }}{{ end }}"));
        Assert.Equal(WorkBudget.DefaultMaxSteps, e.Maximum);
    }

    [Fact]
    public void One_budget_spans_several_executions()
    {
        var budget = new WorkBudget(2_500, 1_000_000);
        var template = GoTemplate.Parse("{{ range until 100 }}{{ . }}{{ end }}");
        var runs = 0;
        var e = Assert.Throws<WorkLimitExceededException>((Action)(() =>
        {
            while (true)
            {
                template.Execute(null, new GoTemplateOptions { Budget = budget });
                runs++;
            }
        }));
        Assert.Equal(WorkLimit.Steps, e.Limit);
        Assert.InRange(runs, 3, 12); // a few hundred steps each: the total, not each run, hit the limit
    }

    [Fact]
    public void Output_may_not_outgrow_what_the_budget_has_left()
    {
        var e = Assert.Throws<WorkLimitExceededException>(() => Run("{{ range until 1000 }}0123456789{{ end }}", new WorkBudget(1_000_000, 5_000)));
        Assert.Equal(WorkLimit.Output, e.Limit);
        Assert.Equal(10_000, Run("{{ range until 1000 }}0123456789{{ end }}", new WorkBudget(1_000_000, 10_000)).Length); // near miss
    }

    [Theory(Timeout = 120_000)]
    [InlineData("toJson")]
    [InlineData("toYaml")]
    [InlineData("deepCopy")]
    [InlineData("print")]
    public async Task Functions_that_walk_a_value_stop_midway_on_an_exponentially_shared_one(string function)
    {
        await Task.Yield();
        // 40 doublings share one list: 2^40 items once walked. Building it is cheap; walking it is not.
        var template = "{{ $x := list 1 }}{{ range until 40 }}{{ $x = list $x $x }}{{ end }}{{ " + function + " $x }}";
        var e = Assert.Throws<WorkLimitExceededException>(() => Run(template, new WorkBudget(1_000_000, 16 * 1024 * 1024)));
        Assert.Equal(WorkLimit.Steps, e.Limit);
    }

    [Fact]
    public void Big_values_cost_steps_by_their_size()
    {
        // until builds a million items: a million steps, so a small budget refuses it.
        Assert.Throws<WorkLimitExceededException>(() => Run("{{ len (until 1000000) }}", new WorkBudget(500_000, 1000)));
        Assert.Equal("1000000", Run("{{ len (until 1000000) }}", new WorkBudget(2_500_000, 1000)));
        // repeat builds 16 MiB: a step per 16 characters.
        Assert.Throws<WorkLimitExceededException>(() => Run("{{ len (repeat 16000000 \"x\") }}", new WorkBudget(500_000, 1000)));
    }
}
