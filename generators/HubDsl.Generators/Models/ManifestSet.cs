using HubDsl.Core.Manifests;
using HubDsl.Core.Model;

namespace HubDsl.Generators.Models;

/// <summary>The files one declaration produces, and the hint name of the C# file that carries them.</summary>
internal sealed record ManifestSet(string HintName, EquatableArray<ManifestFile> Files);
