using System.Diagnostics;
using System.Globalization;

namespace Kuril.Bench;

/// <summary>The process's resident set: current, and the peak since the last reset (Linux's VmHWM, reset through clear_refs).</summary>
public static class ResidentMemory
{
    /// <summary>Starts a new peak, so the peak measures serving and not the index build before it.</summary>
    public static bool ResetPeak()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long PeakBytes() => StatusField("VmHWM") ?? Process.GetCurrentProcess().PeakWorkingSet64;

    public static long CurrentBytes() => StatusField("VmRSS") ?? Environment.WorkingSet;

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static long? StatusField(string name)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith(name + ":", StringComparison.Ordinal)) continue;
                var kb = line[(name.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // not Linux: fall back to .NET's figure
        }

        return null;
    }
}
