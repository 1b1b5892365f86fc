using System;
using System.Text.Json.Nodes;

namespace HubDsl.KubeEmulator;

/// <summary>Carries a ready-made metav1.Status out of the request pipeline to the HTTP response.</summary>
public sealed class KubeApiException(JsonObject status) : Exception(status["message"]?.GetValue<string>())
{
    public JsonObject Status { get; } = status;

    public int Code => Status["code"]!.GetValue<int>();
}
