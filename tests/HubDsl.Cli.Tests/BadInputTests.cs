using System.CommandLine;
using System.Text;
using System.Threading.Tasks;
using HubDsl.Cli.Terminal;
using HubDsl.Cli.Tests.Runtime;
using CliRunner = HubDsl.Cli.Tests.Runtime.Cli;

namespace HubDsl.Cli.Tests;

/// <summary>
/// Every option of every command with an absurd value, and every file or folder option given a folder, a
/// binary file, an empty file or nothing: exit 2 and one line that names the option (or the kubeconfig's
/// source) and the thing, never a .NET type name, an "Access denied" or a stack trace.
/// </summary>
public sealed class BadInputTests
{
    private static readonly RootCommand Root = CliApplication.CreateRoot(new RuntimeConsole(TextWriter.Null, TextWriter.Null, false, false, null));

    private static IEnumerable<(string[] Path, Command Command)> Commands(Command command, string[] path)
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands)
        {
            foreach (var inner in Commands(sub, path.Append(sub.Name).ToArray())) yield return inner;
        }
    }

    // The command line up to its options: the command path and a placeholder for each argument.
    private static string[] Invocation(string[] path, Command command) => path.Concat(command.Arguments.Select(_ => "x")).ToArray();

    public static TheoryData<string, string, string> NumberOptions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (path, command) in Commands(Root, Array.Empty<string>()))
        {
            foreach (var option in command.Options)
            {
                var values = option switch
                {
                    Option<double> => new[] { "NaN", "1e12", "Infinity", "-Infinity", "0", "-1", "86401", "abc", "1,5" },
                    Option<int?> => new[] { "99999999999", "-1", "1.5", "abc", "0x10" },
                    _ => Array.Empty<string>(),
                };
                foreach (var value in values) data.Add(string.Join(" ", Invocation(path, command)), option.Name, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NumberOptions))]
    public async Task An_absurd_number_is_exit_2_naming_the_option(string command, string option, string value)
    {
        var run = await CliRunner.RunAppAsync(command.Split(' ').Concat(new[] { option, value }).ToArray());

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("hubdsl: " + option + ": '" + value + "' is not a ", run.Stderr);
        Assert.DoesNotContain("System.", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void The_number_options_are_the_ones_the_rules_cover()
    {
        var numeric = new[] { typeof(int), typeof(long), typeof(float), typeof(decimal), typeof(uint), typeof(short), typeof(TimeSpan), typeof(int?), typeof(double), typeof(long?), typeof(double?) };
        var options = Commands(Root, Array.Empty<string>()).SelectMany(c => c.Command.Options).ToList();

        // Every fractional option is a duration in seconds, which is what OptionRules checks it as.
        Assert.All(options.OfType<Option<double>>(), o => Assert.StartsWith("Seconds", o.Description));
        Assert.All(options.Where(o => numeric.Contains(o.ValueType)), o => Assert.True(o is Option<double> or Option<int?>, o.Name + " is a " + o.ValueType + " the rules do not check"));
        Assert.Contains(options, o => o.Name == "--timeout" && o is Option<double>);
        Assert.Contains(options, o => o.Name == "--shard" && o is Option<int?>);
    }

    [Theory]
    [InlineData("status --timeout 86400")]
    [InlineData("status --timeout 0.001 --interval 0.5")]
    [InlineData("cluster add x --shard 0")]
    [InlineData("cluster add x --shard 2147483647 --token-timeout 1.5")]
    public void Values_at_the_bounds_parse(string args) =>
        Assert.Empty(Root.Parse(args.Split(' ')).Errors);

    [Theory]
    [InlineData(new[] { "preview", "-o", "xml" }, "--output: Argument 'xml' not recognized. Must be one of: 'table', 'yaml', 'json'")]
    [InlineData(new[] { "status", "-o", "yaml" }, "--output: Argument 'yaml' not recognized. Must be one of: 'table', 'json'")]
    [InlineData(new[] { "status", "--kubeconfig", "" }, "--kubeconfig: the value is empty")]
    [InlineData(new[] { "preview", "--appset", " " }, "--appset: the value is empty")]
    [InlineData(new[] { "cluster", "get", "" }, "NAME: the value is empty")]
    public async Task A_bad_word_or_an_empty_value_is_exit_2_naming_the_option(string[] args, string message)
    {
        var run = await CliRunner.RunAppAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("hubdsl: " + message + "\n", run.Stderr.Replace("\r", string.Empty));
    }

    public enum Bad
    {
        Folder,
        Binary,
        NotUtf8,
        Empty,
        Missing,
    }

    private static string Make(string folder, Bad bad)
    {
        var path = Path.Combine(folder, "bad-" + bad.ToString().ToLowerInvariant() + (bad == Bad.Folder ? string.Empty : ".yaml"));
        switch (bad)
        {
            case Bad.Folder:
                Directory.CreateDirectory(path);
                break;
            case Bad.Binary:
                File.WriteAllBytes(path, new byte[] { 0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00 });
                break;
            case Bad.NotUtf8:
                File.WriteAllBytes(path, new byte[] { 0x61, 0x3a, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a });
                break;
            case Bad.Empty:
                File.WriteAllText(path, string.Empty);
                break;
        }

        return path;
    }

    public static TheoryData<string, Bad, string> FileOptions()
    {
        // {bad} is the bad path; the last column is what the message must say besides the path.
        var cases = new (string Args, string Option, Bad[] Bads)[]
        {
            ("preview --appset {bad}", "--appset", Enum.GetValues<Bad>()),
            ("preview --appset {appset} --clusters {bad}", "--clusters", Enum.GetValues<Bad>()),
            // An empty folder is a project that was not built: that message is about building, not the option.
            ("preview --project {bad}", "--project", new[] { Bad.Binary, Bad.NotUtf8, Bad.Empty, Bad.Missing }),
            ("status --kubeconfig {bad}", "check --kubeconfig", Enum.GetValues<Bad>()),
            ("cluster list --kubeconfig {bad}", "check --kubeconfig", Enum.GetValues<Bad>()),
            ("apply --project {bad} --kubeconfig {kubeconfig}", "--project", new[] { Bad.Binary, Bad.NotUtf8, Bad.Empty, Bad.Missing }),
            ("diff --project {bad} --kubeconfig {kubeconfig}", "--project", new[] { Bad.Binary, Bad.NotUtf8, Bad.Empty, Bad.Missing }),
            ("cluster add staging --yes --rbac {bad} --kubeconfig {kubeconfig}", "--rbac", Enum.GetValues<Bad>()),
            ("cluster add staging --yes --fleet {bad} --kubeconfig {kubeconfig}", "--fleet", new[] { Bad.Binary, Bad.Empty, Bad.Missing }),
        };
        var data = new TheoryData<string, Bad, string>();
        foreach (var (args, option, bads) in cases)
        {
            foreach (var bad in bads) data.Add(args, bad, option);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FileOptions))]
    public async Task A_bad_file_or_folder_is_exit_2_naming_it_and_its_option(string args, Bad bad, string mention)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hubdsl-bad-input-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Make(folder, bad);
        var appset = Path.Combine(folder, "appset.yaml");
        File.WriteAllText(appset, File.ReadAllText(ToolRunner.Fixture("scenario-appset.yaml")));

        // A kubeconfig whose contexts are never reached: every case fails on its file before talking to a server.
        var kubeconfig = Path.Combine(folder, "kubeconfig");
        File.WriteAllText(kubeconfig, """
            apiVersion: v1
            kind: Config
            clusters:
            - { name: hub, cluster: { server: 'https://127.0.0.1:9' } }
            - { name: staging, cluster: { server: 'https://127.0.0.1:9' } }
            users:
            - { name: u, user: { token: t0k3n-n0t-used } }
            contexts:
            - { name: hub, context: { cluster: hub, user: u } }
            - { name: staging, context: { cluster: staging, user: u } }
            current-context: hub
            """);
        var argv = args.Split(' ').Select(a => a.Replace("{bad}", path).Replace("{appset}", appset).Replace("{kubeconfig}", kubeconfig)).ToArray();

        var run = await CliRunner.RunAppAsync(argv);

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.StartsWith("hubdsl: ", line);
        Assert.Contains(path, line);
        Assert.Contains(mention, line);
        var expected = bad switch
        {
            Bad.Folder => "folder",
            Bad.Binary => "binary data",
            Bad.NotUtf8 => "not UTF-8 text",
            Bad.Empty => "empty",
            _ => "does not exist",
        };
        if (args.Contains("--project", StringComparison.Ordinal) || args.Contains("--fleet", StringComparison.Ordinal))
        {
            // Folder options: any file is "a file, not a folder".
            expected = bad == Bad.Missing ? "does not exist" : "is a file";
        }
        else if (args.Contains("--clusters", StringComparison.Ordinal) && bad == Bad.Folder)
        {
            expected = "holds no v1 Secret"; // a folder is a valid --clusters value: here an empty one
        }
        else if (bad == Bad.Missing && !args.Contains("--kubeconfig {bad}", StringComparison.Ordinal))
        {
            expected = "no such file";
        }
        else if (bad == Bad.Empty && args.Contains("--rbac", StringComparison.Ordinal))
        {
            expected = "must hold exactly one ServiceAccount (it holds 0)";
        }

        Assert.Contains(expected, line);
        foreach (var noise in new[] { "Access to the path", "NullReference", "System.", "   at ", "it is empty)", "SemanticError" })
        {
            Assert.DoesNotContain(noise, run.Stderr);
        }
    }
}
