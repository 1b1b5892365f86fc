using System.Collections.Generic;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>Maps UTF-16 offsets to Go's 1-based line numbers and byte columns (Go counts bytes of UTF-8).</summary>
internal sealed class LineMap
{
    private readonly string _text;
    private readonly List<int> _newlines = new();

    public LineMap(string text)
    {
        _text = text;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') _newlines.Add(i);
    }

    public int LineAt(int pos)
    {
        int lo = 0, hi = _newlines.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (_newlines[mid] < pos) lo = mid + 1;
            else hi = mid;
        }
        return lo + 1;
    }

    /// <summary>Go's ErrorContext column: the 0-based UTF-8 byte offset of pos within its line.</summary>
    public int ByteColumnAt(int pos)
    {
        if (pos > _text.Length) pos = _text.Length;
        int lastNl = pos == 0 ? -1 : _text.LastIndexOf('\n', pos - 1);
        int from = lastNl + 1;
        return Encoding.UTF8.GetByteCount(_text.Substring(from, pos - from));
    }
}
