using System.Text.RegularExpressions;

namespace HubDsl.Core.Validation;

/// <summary>Kubernetes naming rules (apimachinery's validation), used by the binders, the renderer and the analyzers.</summary>
public static class KubernetesNames
{
    private static readonly Regex DnsSubdomain = new(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant);
    private static readonly Regex DnsLabel = new(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant);
    private static readonly Regex FileSegment = new(@"^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);

    /// <summary>A lowercase RFC 1123 subdomain of at most 253 characters (object names such as Applications).</summary>
    public static bool IsDnsSubdomain(string value) => value.Length is > 0 and <= 253 && DnsSubdomain.IsMatch(value);

    /// <summary>A lowercase RFC 1123 label of at most 63 characters (namespaces).</summary>
    public static bool IsDnsLabel(string value) => value.Length is > 0 and <= 63 && DnsLabel.IsMatch(value);

    /// <summary>Safe as one segment of a file name.</summary>
    public static bool IsValidFileSegment(string value) => value.Length > 0 && value != "." && value != ".." && FileSegment.IsMatch(value);
}
