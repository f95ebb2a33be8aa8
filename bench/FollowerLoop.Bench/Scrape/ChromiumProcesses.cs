using System.Globalization;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// The Chromium processes this process (or another, such as a worker the bench started) started through Playwright's
/// driver: every descendant whose name starts with "chrom", read from /proc.
/// </summary>
internal static class ChromiumProcesses
{
    /// <summary>/proc/PID/stat counts CPU time in clock ticks of USER_HZ, which Linux fixes at 100 a second for user space.</summary>
    private const double TicksPerSecond = 100;

    public static IReadOnlyList<int> Current(int? ancestor = null) => [.. Find(ancestor ?? Environment.ProcessId).Select(process => process.Pid)];

    /// <summary>CPU time (user + system) each of them has used so far, by process id.</summary>
    public static Dictionary<int, TimeSpan> CpuTimes() =>
        Find(Environment.ProcessId).ToDictionary(process => process.Pid, process => TimeSpan.FromSeconds(process.Stat.CpuTicks / TicksPerSecond));

    private static IEnumerable<(int Pid, (string Name, int Parent, long CpuTicks) Stat)> Find(int ancestor)
    {
        var all = ReadAll().ToList();
        var parents = all.ToDictionary(process => process.Pid, process => process.Stat.Parent);
        return all.Where(process => process.Stat.Name.StartsWith("chrom", StringComparison.Ordinal) && IsDescendant(process.Pid, ancestor, parents));
    }

    private static IEnumerable<(int Pid, (string Name, int Parent, long CpuTicks) Stat)> ReadAll()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ReadStat(pid) is { } stat)
            {
                yield return (pid, stat);
            }
        }
    }

    private static bool IsDescendant(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (var current = pid; parents.TryGetValue(current, out var parent) && parent > 1; current = parent)
        {
            if (parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// (name, parent pid, utime + stime) from /proc/PID/stat: "pid (name) state ppid … utime stime …"; the name may hold
    /// spaces, so fields are counted after its closing parenthesis (state is field 3, ppid 4, utime 14, stime 15).
    /// </summary>
    private static (string Name, int Parent, long CpuTicks)? ReadStat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (stat[(open + 1)..close], int.Parse(fields[1], CultureInfo.InvariantCulture), ticks);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
