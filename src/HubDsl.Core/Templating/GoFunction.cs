using System;
using System.Collections.Generic;

namespace HubDsl.Core.Templating;

/// <summary>A template function: its Go signature (for argument conversion) and its implementation.</summary>
internal sealed class GoFunction
{
    public GoFunction(ParamType[] parameters, ParamType? variadic, Func<FunctionCall, GoValue> invoke)
    {
        Params = parameters;
        Variadic = variadic;
        Invoke = invoke;
    }

    public ParamType[] Params { get; }
    public ParamType? Variadic { get; }
    public Func<FunctionCall, GoValue> Invoke { get; }
}

/// <summary>Converted arguments of one call, with typed accessors.</summary>
internal readonly struct FunctionCall
{
    public FunctionCall(Executor executor, GoValue[] args)
    {
        Executor = executor;
        Args = args;
    }

    public Executor Executor { get; }
    public GoValue[] Args { get; }
    public int Count => Args.Length;
    public object? this[int i] => Args[i].Obj;
    public string Str(int i) => (string)Args[i].Obj!;
    public int Int(int i) => Args[i].Obj is int n ? n : (int)(long)Args[i].Obj!;
    public bool Bool(int i) => (bool)Args[i].Obj!;

    public IReadOnlyDictionary<string, object?>? Map(int i) => Args[i].Obj as IReadOnlyDictionary<string, object?>;

    public List<object?> Rest(int from)
    {
        var l = new List<object?>();
        for (int i = from; i < Args.Length; i++) l.Add(Args[i].Obj);
        return l;
    }
}
