namespace HubDsl;

/// <summary>
/// Base of typed Helm values. Properties become keys (camelCase unless <see cref="ValuesKeyAttribute"/>
/// says otherwise); nested records, lists, dictionaries and enums are supported; null properties are left out.
/// </summary>
public abstract record HelmValues;
