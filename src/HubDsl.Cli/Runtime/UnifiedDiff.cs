using System.Text;

namespace HubDsl.Cli.Runtime;

/// <summary>A unified diff of two texts (LCS on lines, three lines of context), as <c>diff -u</c> prints it.</summary>
public static class UnifiedDiff
{
    /// <summary>The diff, or an empty string when the texts are equal.</summary>
    public static string Create(string before, string after, string beforeLabel, string afterLabel, int context = 3)
    {
        var a = Lines(before);
        var b = Lines(after);
        var ops = Edits(a, b);
        if (ops.All(o => o.Kind == ' ')) return string.Empty;

        var text = new StringBuilder();
        text.Append("--- ").Append(beforeLabel).Append('\n');
        text.Append("+++ ").Append(afterLabel).Append('\n');
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - context);
            var end = i;
            while (end < ops.Count)
            {
                if (ops[end].Kind != ' ')
                {
                    end++;
                    continue;
                }

                var run = end;
                while (run < ops.Count && ops[run].Kind == ' ') run++;
                if (run == ops.Count || run - end > 2 * context)
                {
                    end = Math.Min(ops.Count, end + context);
                    break;
                }

                end = run;
            }

            var hunk = ops.GetRange(start, end - start);
            var aStart = ops[start].A;
            var bStart = ops[start].B;
            var aCount = hunk.Count(o => o.Kind != '+');
            var bCount = hunk.Count(o => o.Kind != '-');
            text.Append("@@ -").Append(Range(aStart, aCount)).Append(" +").Append(Range(bStart, bCount)).Append(" @@\n");
            foreach (var op in hunk) text.Append(op.Kind).Append(op.Text).Append('\n');
            i = end;
        }

        return text.ToString();
    }

    private static string Range(int start, int count) => count == 0 ? start + ",0" : (start + 1) + (count == 1 ? string.Empty : "," + count);

    private static string[] Lines(string text) => text.Length == 0 ? Array.Empty<string>() : text.TrimEnd('\n').Split('\n');

    // Each op carries the 0-based positions in a and b where it sits.
    private static List<(char Kind, string Text, int A, int B)> Edits(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var x = a.Length - 1; x >= 0; x--)
        {
            for (var y = b.Length - 1; y >= 0; y--)
            {
                lcs[x, y] = a[x] == b[y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
            }
        }

        var ops = new List<(char, string, int, int)>();
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j])
            {
                ops.Add((' ', a[i], i, j));
                i++;
                j++;
            }
            else if (j < b.Length && (i == a.Length || lcs[i, j + 1] > lcs[i + 1, j]))
            {
                ops.Add(('+', b[j], i, j));
                j++;
            }
            else
            {
                ops.Add(('-', a[i], i, j));
                i++;
            }
        }

        return ops;
    }
}
