using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using HubDsl.Cli.Runtime;
using HubDsl.KubeEmulator;

namespace HubDsl.Cli.Tests.Runtime;

/// <summary>Tokens and keys never appear in any command's output, JSON, warnings or errors.</summary>
public sealed class SecretHygieneTests
{
    [Fact]
    public async Task No_command_prints_a_token_in_any_form()
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging", "prod");
        var outputs = new List<RunResult>
        {
            await fleet.RunAsync("cluster", "add", "staging", "--label", "env=staging", "--yes"),
            await fleet.RunAsync("cluster", "add", "prod", "--yes", "--insecure-skip-tls-verify"),
        };
        var project = new TestProject(Path.Combine(fleet.Folder, "project"))
            .Cluster("staging", fleet.ServerOf(fleet["staging"]), ("env", "staging"), ("deploy", "true"))
            .AppSet("agent");
        fleet["prod"].Faults.FailNext(3, 401);
        outputs.Add(await fleet.RunAsync("cluster", "list"));
        outputs.Add(await fleet.RunAsync("cluster", "list", "-o", "json"));
        outputs.Add(await fleet.RunAsync("cluster", "get", "staging", "-o", "json"));
        outputs.Add(await fleet.RunAsync("cluster", "add", "staging", "--label", "env=other", "--yes"));
        outputs.Add(await fleet.RunAsync("diff", "--project", project.Folder));
        outputs.Add(await fleet.RunAsync("apply", "--project", project.Folder, "-o", "json"));
        outputs.Add(await fleet.RunAsync("apply", "--project", project.Folder, "--prune", "--dry-run"));
        outputs.Add(await fleet.RunAsync("status", "-o", "json"));
        outputs.Add(await fleet.RunAsync("status"));
        outputs.Add(await fleet.RunAsync("cluster", "set", "staging", "--label", "tier=gold"));
        outputs.Add(await fleet.RunAsync("cluster", "rm", "prod", "--yes"));

        var secrets = new List<string> { fleet.Hub.AdminToken };
        foreach (var spoke in fleet.Spokes)
        {
            secrets.Add(spoke.AdminToken);
        }

        var stagingToken = fleet.SpokeToken(fleet["staging"])!;
        secrets.Add(stagingToken);
        secrets.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(stagingToken)));
        secrets.Add(stagingToken.Substring(0, 24));
        var all = string.Join("\n", outputs.Select(o => o.All));
        Assert.Contains("Successful", all);
        foreach (var secret in secrets) Assert.DoesNotContain(secret, all);
        Assert.DoesNotContain("bearerToken", all);
    }

    [Fact]
    public void Credentials_print_as_redacted()
    {
        var secret = new RedactedCredential("a-very-secret-token-value");
        var credentials = new ClusterCredentials { BearerToken = secret };

        Assert.Equal("<redacted>", secret.ToString());
        Assert.Equal("ClusterCredentials(bearer token)", credentials.ToString());
        Assert.Equal("call failed with <redacted> in it", Redactor.Scrub("call failed with a-very-secret-token-value in it"));
    }

    // An admission webhook (or a proxy) that echoes what it was sent: the body as sent, quoted as JSON, with the
    // Secret's data decoded (the config JSON, and the key PEM inside it), and base64 of the whole body.
    private static string Echo(string body)
    {
        var decoded = new StringBuilder();
        if (JsonNode.Parse(body)?["data"] is JsonObject data)
        {
            foreach (var (key, value) in data)
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(value!.GetValue<string>()));
                decoded.Append(key).Append('=').Append(text).Append(' ');
                if (key == "config" && JsonNode.Parse(text)?["tlsClientConfig"]?["keyData"] is JsonValue keyData)
                {
                    decoded.Append("key=").Append(Encoding.UTF8.GetString(Convert.FromBase64String(keyData.GetValue<string>()))).Append(' ');
                }
            }
        }

        return "admission webhook \"echo.example.com\" denied the request: raw=" + body + " quoted=" + JsonSerializer.Serialize(body)
            + " decoded=" + decoded + " base64=" + Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
    }

    // Everything a reader could get back from printed text: the text with JSON escapes undone (and the line breaks
    // a table wraps long lines with removed), and whatever base64 runs in it decode to (at every alignment, twice
    // over: keyData inside a base64 config).
    private static IEnumerable<string> Recoverable(string text, int depth = 2)
    {
        if (depth == 2) text += "\n" + text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        var unescaped = text.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\u002B", "+", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
        yield return text;
        yield return unescaped;
        if (depth == 0) yield break;
        foreach (Match run in Regex.Matches(unescaped, "[A-Za-z0-9+/]{16,}={0,2}"))
        {
            for (var skip = 0; skip < 4; skip++)
            {
                var part = run.Value.Substring(skip);
                part = part.TrimEnd('=');
                part = part.Substring(0, part.Length / 4 * 4);
                if (part.Length < 16) continue;
                string decoded;
                try
                {
                    decoded = Encoding.UTF8.GetString(Convert.FromBase64String(part));
                }
                catch (FormatException)
                {
                    continue;
                }

                foreach (var more in Recoverable(decoded, depth - 1)) yield return more;
            }
        }
    }

    private static void AssertNothingRecoverable(string printed, IEnumerable<string> credentials)
    {
        var fragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var credential in credentials)
        {
            // Any 16 characters of a credential (a PEM key line by line, whatever its line breaks).
            foreach (var line in credential.Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))
            {
                for (var i = 0; i + 16 <= line.Length; i += 8) fragments.Add(line.Substring(i, 16));
            }
        }

        foreach (var text in Recoverable(printed))
        {
            foreach (var fragment in fragments) Assert.False(text.Contains(fragment, StringComparison.Ordinal), "credential fragment '" + fragment + "' recoverable from the output:\n" + printed);
        }
    }

    [Theory]
    [InlineData(false, 400)]
    [InlineData(false, 403)]
    [InlineData(false, 422)]
    [InlineData(false, 500)]
    [InlineData(true, 400)]
    [InlineData(true, 422)]
    [InlineData(true, 500)]
    public async Task A_hub_that_echoes_the_cluster_Secret_in_its_error_never_prints_a_credential(bool clientCertificate, int status)
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");
        var spoke = fleet["staging"];
        var context = "staging";
        string? key = null;
        if (clientCertificate)
        {
            var certificate = spoke.IssueClientCertificate("admin", "system:masters");
            fleet.WriteKubeconfig(b => b.AddClientCertificateContext("staging-cert", spoke, certificate));
            context = "staging-cert";
            key = certificate.PrivateKeyPem;
        }

        // Every attempt (500 is retried) fails, echoing the Secret with its config.
        var echo = fleet.Hub.Faults.FailNext(5, status, matches: e => e.Method == "PATCH" && e.Path.Contains("/secrets/", StringComparison.Ordinal), message: Echo);

        var run = await fleet.RunAsync("cluster", "add", context, "--yes");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains("denied the request: raw=", run.All); // the echo reached the output, scrubbed
        Assert.True(echo.Remaining < 5);
        var sent = JsonNode.Parse(fleet.Hub.Requests.Entries.Last(e => e.Method == "PATCH").Body!)!;
        var config = sent["data"]!["config"]!.GetValue<string>();
        var credentials = new List<string> { config, Encoding.UTF8.GetString(Convert.FromBase64String(config)) };
        if (key is not null)
        {
            credentials.Add(key);
            credentials.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(key)));
        }
        else
        {
            credentials.Add(fleet.SpokeToken(spoke)!);
        }

        Assert.Contains(clientCertificate ? "keyData" : "bearerToken", Encoding.UTF8.GetString(Convert.FromBase64String(config)));
        AssertNothingRecoverable(run.All, credentials);
    }

    // An admission webhook sees the merged object, so its error can echo the stored Secret, config included, on a
    // request whose own body carries no credential.
    [Theory]
    [InlineData("apply")]
    [InlineData("diff")]
    [InlineData("set")]
    public async Task A_hub_that_echoes_the_stored_cluster_Secret_never_prints_its_credential(string command)
    {
        await using var fleet = await RuntimeFleet.StartAsync("staging");

        // Registered by someone else: this process has never seen the token before it reads the Secret.
        var token = "eyJhbGciOiJSUzI1NiJ9.stored-" + Guid.NewGuid().ToString("N") + ".c2lnbmF0dXJl";
        var configJson = "{\"bearerToken\":\"" + token + "\",\"tlsClientConfig\":{\"insecure\":false}}";
        fleet.Hub.Seed(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = fleet.SecretNameOf(fleet["staging"]), ["namespace"] = "argocd", ["labels"] = new JsonObject { ["argocd.argoproj.io/secret-type"] = "cluster" } },
            ["data"] = new JsonObject
            {
                ["name"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("staging")),
                ["server"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(fleet.ServerOf(fleet["staging"]))),
                ["config"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(configJson)),
            },
        });
        var project = new TestProject(Path.Combine(fleet.Folder, "project"))
            .Cluster("staging", fleet.ServerOf(fleet["staging"]), ("env", "staging"))
            .AppSet("agent");
        var stored = fleet.HubSecret(fleet["staging"])!.ToJsonString();
        fleet.Hub.Faults.FailNext(5, 422, matches: e => e.Method == "PATCH" && e.Path.Contains("/secrets/", StringComparison.Ordinal), message: _ => Echo(stored));

        var run = command switch
        {
            "apply" => await fleet.RunAsync("apply", "--project", project.Folder),
            "diff" => await fleet.RunAsync("diff", "--project", project.Folder),
            _ => await fleet.RunAsync("cluster", "set", "staging", "--label", "tier=gold"),
        };

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.True(run.All.Contains("denied the request:", StringComparison.Ordinal), run.ToString());
        AssertNothingRecoverable(run.All, new[] { token, configJson, Convert.ToBase64String(Encoding.UTF8.GetBytes(configJson)) });
    }

    // failover changes only labels, but an admission webhook sees the merged Secret: its error can echo the request
    // body and the stored Secret with its config, of either cluster.
    [Theory]
    [InlineData("dr", 422)]
    [InlineData("dr", 500)]
    [InlineData("prod", 422)]
    public async Task A_hub_that_echoes_the_failover_change_never_prints_a_credential(string echoed, int status)
    {
        await using var fleet = await FailoverFleet.StartAsync();

        // Re-registered by someone else: this process has never seen these tokens before failover reads the Secrets.
        var credentials = new List<string>();
        foreach (var spoke in new[] { "prod", "dr" })
        {
            var token = "eyJhbGciOiJSUzI1NiJ9.failover-" + Guid.NewGuid().ToString("N") + ".c2lnbmF0dXJl";
            var config = "{\"bearerToken\":\"" + token + "\",\"tlsClientConfig\":{\"insecure\":true}}";
            var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(config));
            fleet.Hub.Resources.Mutate(ResourceCatalog.Secrets, "argocd", fleet.SecretNameOf(fleet[spoke]), "someone-else", secret =>
            {
                secret["data"]!["config"] = encoded;
                return true;
            });
            credentials.AddRange(new[] { token, config, encoded });
        }

        var secretPath = "/secrets/" + fleet.SecretNameOf(fleet[echoed]);
        var echo = fleet.Hub.Faults.FailNext(5, status, matches: e => e.Method == "PATCH" && e.Path.Contains(secretPath, StringComparison.Ordinal),
            message: body => Echo(body) + " stored=" + Echo(fleet.HubSecret(fleet[echoed])!.ToJsonString()));

        // --force: the standby's new token is not one its API server knows, so it is not Connected.
        var run = await fleet.RunAsync("failover", "prod", "--to", "dr", "--yes", "--force", "--probe-timeout", "2");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.True(echo.Remaining < 5);
        Assert.True(run.All.Contains("denied the request: raw=", StringComparison.Ordinal), run.ToString()); // the echo reached the output, scrubbed
        AssertNothingRecoverable(run.All, credentials);
    }

    [Fact]
    public void Every_form_of_a_credential_is_scrubbed_wherever_it_sits_in_an_encoded_text()
    {
        var token = "eyJhbGciOiJSUzI1NiJ9.sweep-" + Guid.NewGuid().ToString("N") + ".signature-part";
        _ = new RedactedCredential(token);
        for (var prefix = 0; prefix < 6; prefix++)
        {
            var config = new string('x', prefix) + "{\"bearerToken\":\"" + token + "\",\"tlsClientConfig\":{\"insecure\":false}}";
            var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(config));
            var twice = Convert.ToBase64String(Encoding.UTF8.GetBytes(base64));
            foreach (var text in new[] { config, base64, twice, JsonSerializer.Serialize(base64), JsonSerializer.Serialize(config) })
            {
                AssertNothingRecoverable(Redactor.Scrub("error: " + text + " end"), new[] { token });
            }
        }
    }
}
