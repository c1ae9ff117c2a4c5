namespace Kuril.Bench;

/// <summary>Prints rows as a Markdown table, so the output pastes straight into docs/performance.md.</summary>
public static class TableWriter
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<BenchRow> rows)
    {
        string[] header = ["section", "measure", "value", "target", "met"];
        var cells = rows.Select(r => new[] { r.Section, r.Measure, r.Value, r.Target, r.Met switch { true => "yes", false => "**no**", null => "" } }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        await output.WriteLineAsync(Line(header, widths));
        await output.WriteLineAsync(Line(widths.Select(w => new string('-', w)).ToArray(), widths));
        foreach (var row in cells) await output.WriteLineAsync(Line(row, widths));
    }

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
}
