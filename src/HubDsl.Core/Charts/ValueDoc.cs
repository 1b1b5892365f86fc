namespace HubDsl.Core.Charts;

/// <summary>
/// The documentation of one values key, from values.yaml comments: helm-docs' <c># --</c> block above the key (or
/// its old <c># path -- text</c> form anywhere), or bitnami readme-generator's <c>## @param path [modifiers] text</c>.
/// <see cref="TypeHint"/> is helm-docs' <c>(type)</c> or bitnami's <c>[array]</c>/<c>[object]</c>/<c>[string]</c>;
/// <see cref="DefaultText"/> is <c># @default -- text</c> or <c>[default: text]</c>.
/// </summary>
public sealed record ValueDoc(string Description, string? TypeHint, string? DefaultText);
