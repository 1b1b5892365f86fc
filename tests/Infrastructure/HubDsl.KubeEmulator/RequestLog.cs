using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace HubDsl.KubeEmulator;

/// <summary>Thread-safe, append-only log of served requests, for assertions on what a client actually sent.</summary>
public sealed class RequestLog
{
    private readonly Lock gate = new();
    private readonly List<RequestLogEntry> entries = [];

    /// <summary>A snapshot, oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return entries.ToList();
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    internal void Add(RequestLogEntry entry)
    {
        lock (gate)
        {
            entries.Add(entry);
        }
    }
}
