namespace HubDsl.Core.Rendering;

/// <summary>An error the ApplicationSet controller would report in its <c>ErrorOccurred</c> condition.</summary>
public sealed class RenderError
{
    /// <summary>Creates an error.</summary>
    public RenderError(string reason, string message, string? applicationName = null)
    {
        Reason = reason;
        Message = message;
        ApplicationName = applicationName;
    }

    /// <summary>The condition reason, one of <see cref="RenderErrorReasons"/>.</summary>
    public string Reason { get; }

    /// <summary>The message, worded like Argo CD's.</summary>
    public string Message { get; }

    /// <summary>For validation errors, the Application the error is about (may be empty); otherwise null.</summary>
    public string? ApplicationName { get; }

    /// <summary>The generator the error comes from (<c>spec.generators[0]</c>), when it comes from one.</summary>
    public string? Generator { get; init; }

    /// <summary>
    /// The parameter set the error comes from, when there is one: its <c>name</c> parameter (the cluster, for the
    /// Cluster generator), else <c>param set N</c> in generation order.
    /// </summary>
    public string? ParameterSet { get; init; }

    /// <summary>For a <see cref="RenderErrorReasons.RenderLimitExceeded"/>, the template node being rendered when the limit was hit, when known.</summary>
    public Yaml.YamlNode? Node { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Reason + ": " + Message;
}
