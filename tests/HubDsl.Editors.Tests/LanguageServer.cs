using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace HubDsl.Editors.Tests;

/// <summary>
/// A language server over stdio, as an editor runs one: JSON-RPC messages with Content-Length framing. It answers
/// the server's requests (workspace/configuration with the given <c>csharp</c> section, the rest with null),
/// records every notification, and lets a test wait, within a bound, for a notification it expects. On a timeout
/// the failure lists everything received, so a slow or silent server says what it did.
/// </summary>
internal sealed class LanguageServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly JsonObject _csharpSettings;
    private readonly object _gate = new();
    private readonly List<JsonObject> _received = new();
    private readonly List<string> _configurationSections = new();
    private readonly StringBuilder _stderr = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _reader;
    private int _nextId;

    private LanguageServer(Process process, JsonObject csharpSettings)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _csharpSettings = csharpSettings;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_gate) if (_stderr.Length < 20_000) _stderr.AppendLine(e.Data);
        };
        process.BeginErrorReadLine();
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>The <c>section</c>s the server asked for with workspace/configuration.</summary>
    public IReadOnlyList<string> ConfigurationSections
    {
        get { lock (_gate) return _configurationSections.ToList(); }
    }

    public static LanguageServer Start(string executable, string workingDirectory, JsonObject csharpSettings)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        return new LanguageServer(Process.Start(start) ?? throw new InvalidOperationException("could not start " + executable), csharpSettings);
    }

    /// <summary>initialize (capabilities of a client with pull configuration and push diagnostics), then initialized.</summary>
    public async Task InitializeAsync(string root, TimeSpan timeout)
    {
        var uri = new Uri(root).AbsoluteUri;
        var id = Interlocked.Increment(ref _nextId);
        await SendAsync(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["method"] = "initialize",
            ["params"] = new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = uri,
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = uri, ["name"] = Path.GetFileName(root) }),
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                    // No textDocument.diagnostic: a client without pull diagnostics gets them pushed (publishDiagnostics).
                    ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject(), ["synchronization"] = new JsonObject() },
                },
            },
        });
        await WaitForAsync(m => m["id"]?.ToString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && m["method"] is null, timeout, "reply to initialize");
        await NotifyAsync("initialized", new JsonObject());
    }

    public Task NotifyAsync(string method, JsonNode parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>
    /// Waits for a message received (now or earlier, at or after <paramref name="from"/>) that matches; fails with
    /// the transcript after <paramref name="timeout"/>.
    /// </summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, TimeSpan timeout, string what, int from = 0)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_gate)
            {
                for (var i = from; i < _received.Count; i++)
                {
                    if (match(_received[i])) return _received[i];
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _reader.IsCompleted)
            {
                throw new Xunit.Sdk.XunitException("csharp-ls sent no " + what + " within " + timeout.TotalSeconds + " s" + (_reader.IsCompleted ? " (it closed its output)" : string.Empty) + ". Received:\n" + Transcript());
            }

            await _arrived.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>How many messages have arrived so far (a mark for <see cref="WaitForAsync"/>).</summary>
    public int Count
    {
        get { lock (_gate) return _received.Count; }
    }

    /// <summary>Every publishDiagnostics received: the document's URI and each diagnostic as "CODE message".</summary>
    public IReadOnlyList<(string Uri, IReadOnlyList<string> Diagnostics)> Published()
    {
        lock (_gate)
        {
            return _received.Where(m => (string?)m["method"] == "textDocument/publishDiagnostics")
                .Select(m => ((string)m["params"]!["uri"]!, (IReadOnlyList<string>)Diagnostics(m)))
                .ToList();
        }
    }

    public static List<string> Diagnostics(JsonObject publish) =>
        publish["params"]!["diagnostics"]!.AsArray().Select(d => d!["code"]?.ToString() + " " + (string?)d["message"]).ToList();

    public string Transcript()
    {
        lock (_gate)
        {
            var sb = new StringBuilder();
            foreach (var message in _received)
            {
                var text = message.ToJsonString();
                sb.AppendLine(text.Length <= 600 ? text : text.Substring(0, 600) + "...");
            }

            sb.AppendLine("stderr:").Append(_stderr.Length <= 4000 ? _stderr.ToString() : _stderr.ToString(_stderr.Length - 4000, 4000));
            return sb.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = Interlocked.Increment(ref _nextId), ["method"] = "shutdown" });
                await NotifyAsync("exit", new JsonObject());
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try { await _process.WaitForExitAsync(wait.Token); } catch (OperationCanceledException) { }
            }
        }
        catch (IOException)
        {
            // The server is gone already.
        }
        finally
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length + "\r\n\r\n");
        await _input.WriteAsync(header);
        await _input.WriteAsync(body);
        await _input.FlushAsync();
    }

    private async Task ReadAsync()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (await ReadMessageAsync(output) is { } message)
            {
                if (message["method"] is { } method && message["id"] is { } id)
                {
                    await AnswerAsync((string)method!, id.DeepClone(), message["params"]);
                }

                lock (_gate) _received.Add(message);
                _arrived.Release();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or System.Text.Json.JsonException)
        {
            lock (_gate) _stderr.AppendLine("reader stopped: " + e.Message);
        }
        finally
        {
            _arrived.Release();
        }
    }

    // The server's requests: the csharp settings for workspace/configuration, null for anything else
    // (client/registerCapability, window/workDoneProgress/create), as a minimal editor answers them.
    private async Task AnswerAsync(string method, JsonNode id, JsonNode? parameters)
    {
        JsonNode? result = null;
        if (method == "workspace/configuration")
        {
            var items = parameters?["items"]?.AsArray() ?? new JsonArray();
            var answers = new JsonArray();
            foreach (var item in items)
            {
                var section = (string?)item?["section"] ?? string.Empty;
                lock (_gate) _configurationSections.Add(section);
                answers.Add(section == "csharp" ? _csharpSettings.DeepClone() : null);
            }

            result = answers;
        }

        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result });
    }

    // One message: headers up to an empty line, then Content-Length bytes of JSON. Null at the end of the stream.
    private static async Task<JsonObject?> ReadMessageAsync(Stream stream)
    {
        var length = -1;
        while (true)
        {
            var line = await ReadLineAsync(stream);
            if (line is null) return null;
            if (line.Length == 0) break;
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (length < 0 || length > 64 << 20) throw new IOException("bad Content-Length " + length);
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return JsonNode.Parse(body) as JsonObject ?? throw new IOException("a message that is not a JSON object");
    }

    private static async Task<string?> ReadLineAsync(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0) return bytes.Count == 0 ? null : throw new EndOfStreamException("the stream ended inside a header");
            if (one[0] == '\n') break;
            if (bytes.Count > 1024) throw new IOException("a header line over 1 KiB");
            bytes.Add(one[0]);
        }

        return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
    }
}
