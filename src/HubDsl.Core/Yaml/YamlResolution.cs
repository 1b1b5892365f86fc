namespace HubDsl.Core.Yaml;

/// <summary>How plain (unquoted) scalars are read.</summary>
public enum YamlResolution
{
    /// <summary>
    /// The YAML 1.2 core schema, like Go's yaml.v3: <c>true/false/null</c>, decimal, <c>0o</c> and <c>0x</c> integers,
    /// floats. HubDsl reads its own files this way and writes YAML that reads the same under both rules.
    /// </summary>
    Yaml12Core,

    /// <summary>
    /// YAML 1.1 as go-yaml v2 resolves it under sigs.k8s.io/yaml, which kubectl and Argo CD read manifests with:
    /// <c>y/yes/on</c> and <c>n/no/off</c> (three spellings each) are booleans, <c>010</c> is octal, <c>0b101</c> binary,
    /// underscores in numbers are ignored (<c>1_000</c>), and keys get the same rules (<c>y:</c> is the key <c>"true"</c>).
    /// </summary>
    Yaml11,
}
