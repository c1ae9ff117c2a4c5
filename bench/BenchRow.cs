namespace Kuril.Bench;

/// <summary>One line of the bench's table: a figure, its target and whether the target is met (null: no target).</summary>
public sealed record BenchRow(string Section, string Measure, string Value, string Target, bool? Met)
{
    /// <summary>A figure without a target, for context (the floor, counts, machine facts).</summary>
    public static BenchRow Info(string section, string measure, string value) => new(section, measure, value, "—", null);
}
