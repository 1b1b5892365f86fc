using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HubDsl.Cli.Runtime;

/// <summary>
/// Scrubs every credential the process has seen from text before it is printed, in every form it can take there:
/// an API server or an admission webhook that echoes a request body in its error puts a cluster Secret's
/// <c>config</c> (JSON with the token, base64 in the Secret) into the message, escaped or re-encoded.
/// </summary>
public static class Redactor
{
    /// <summary>What a redacted value is printed as.</summary>
    public const string Mask = "<redacted>";

    // Shorter pieces of an encoding could match ordinary text.
    private const int MinimumFragment = 12;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly ConcurrentDictionary<string, byte> Known = new(StringComparer.Ordinal);

    /// <summary>Remembers a credential (values shorter than 6 characters are too common to scrub safely).</summary>
    public static void Remember(string value)
    {
        if (value.Length >= 6) Known.TryAdd(value, 0);
        foreach (var form in Forms(value))
        {
            if (form.Length >= MinimumFragment || (form.Length >= 8 && form != value)) Known.TryAdd(form, 0);
        }
    }

    /// <summary>
    /// Remembers the credentials of a Secret read from a cluster: every data value but the plain cluster keys
    /// (name, server, ...), and for a cluster's <c>config</c> the token, password and key inside it. An error that
    /// echoes the stored object (an admission webhook sees the merged object) is then scrubbed too.
    /// </summary>
    public static void RememberSecret(System.Text.Json.Nodes.JsonObject? secret)
    {
        foreach (var (key, value) in JsonYaml.Map(secret, "data"))
        {
            if (ProjectManifests.ClusterDataKeys.Contains(key)) continue;
            Remember(value);
            string decoded;
            try
            {
                decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(value));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                continue;
            }

            Remember(decoded);
            if (key == "config") _ = ClusterCredentials.Parse(decoded, out _); // wraps each credential in a Secret, which remembers it
        }
    }

    /// <summary>The text with every known credential, in every form, replaced by <see cref="Mask"/>.</summary>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
        foreach (var secret in Known.Keys.OrderByDescending(k => k.Length))
        {
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    // As is and JSON-escaped (a quoted echo; a PEM's line breaks as \n; .NET's default encoder also escapes '+');
    // base64 (a Secret's data, a config's keyData) and base64 of that (keyData inside a Secret's config); and, for
    // every base64 form, once and twice over, the part that stays the same wherever the credential sits inside a
    // longer encoded text.
    // A PEM block also line by line, which survives re-wrapping and any escaping of the line breaks.
    private static IEnumerable<string> Forms(string value)
    {
        var texts = new List<string> { value, JsonSerializer.Serialize(value, Relaxed)[1..^1], JsonSerializer.Serialize(value)[1..^1] };
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        texts.Add(base64);
        texts.Add(JsonSerializer.Serialize(base64)[1..^1]);
        foreach (var text in texts.Distinct(StringComparer.Ordinal).ToList())
        {
            yield return text;
            foreach (var core in AlignedCores(Encoding.UTF8.GetBytes(text)))
            {
                yield return core;

                // Encoded twice: a config JSON in a Secret's data, in a base64 echo of the request body.
                foreach (var twice in AlignedCores(Encoding.UTF8.GetBytes(core))) yield return twice;
            }
        }

        if (value.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            var body = value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)).ToList();
            foreach (var line in body) yield return line;
            yield return string.Concat(body);
        }
    }

    // base64 maps 3 bytes to 4 characters, so inside a longer text the credential's bytes start at one of three
    // alignments; for each, the characters made only of the credential's bytes (without the partial groups at
    // either end, which mix in the bytes around it).
    private static IEnumerable<string> AlignedCores(byte[] bytes)
    {
        for (var offset = 0; offset < 3; offset++)
        {
            var shifted = new byte[offset + bytes.Length];
            Array.Copy(bytes, 0, shifted, offset, bytes.Length);
            var encoded = Convert.ToBase64String(shifted);
            var start = offset == 0 ? 0 : offset + 1;
            var end = shifted.Length / 3 * 4;
            if (end - start >= MinimumFragment) yield return encoded.Substring(start, end - start);
        }
    }
}
