using System.Globalization;
using System.Runtime.InteropServices;

namespace Kuril.Bench;

/// <summary>What the figures were measured on.</summary>
public static class Machine
{
    public static string Describe()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadField("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb)
            ? (kb / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " GiB RAM"
            : "RAM unknown";
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {cpu}, {memory}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }

    /// <summary>The 1, 5 and 15 minute load averages: figures taken on a busy machine are not comparable.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static string? ReadField(string file, string name)
    {
        try
        {
            return File.ReadLines(file)
                .Where(l => l.StartsWith(name, StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
