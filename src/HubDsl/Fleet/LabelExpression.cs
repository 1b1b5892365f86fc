namespace HubDsl;

/// <summary>One <c>matchExpressions</c> entry of a label selector.</summary>
public sealed class LabelExpression
{
    private LabelExpression(string key, LabelOperator @operator, string[] values)
    {
        Key = key;
        Operator = @operator;
        Values = values;
    }

    /// <summary>The label key.</summary>
    public string Key { get; }

    /// <summary>The operator.</summary>
    public LabelOperator Operator { get; }

    /// <summary>The values for <c>In</c>/<c>NotIn</c>.</summary>
    public string[] Values { get; }

    /// <summary>The label is one of the values.</summary>
    public static LabelExpression In(string key, params string[] values) => new LabelExpression(key, LabelOperator.In, values);

    /// <summary>The label is absent or none of the values.</summary>
    public static LabelExpression NotIn(string key, params string[] values) => new LabelExpression(key, LabelOperator.NotIn, values);

    /// <summary>The label is present.</summary>
    public static LabelExpression Exists(string key) => new LabelExpression(key, LabelOperator.Exists, new string[0]);

    /// <summary>The label is absent.</summary>
    public static LabelExpression DoesNotExist(string key) => new LabelExpression(key, LabelOperator.DoesNotExist, new string[0]);
}

/// <summary>Label selector operators.</summary>
public enum LabelOperator
{
    /// <summary><c>In</c></summary>
    In,
    /// <summary><c>NotIn</c></summary>
    NotIn,
    /// <summary><c>Exists</c></summary>
    Exists,
    /// <summary><c>DoesNotExist</c></summary>
    DoesNotExist,
}
