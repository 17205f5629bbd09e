using System.Diagnostics;
using System.Globalization;

namespace CxBridge.Benchmarks;

/// <summary>The process's memory: working set, managed heap, and the kernel's peak resident set size.</summary>
internal static class Memory
{
    public readonly record struct Reading(long WorkingSet, long Managed);

    public static Reading Sample()
    {
        using var process = Process.GetCurrentProcess();
        return new Reading(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }

    /// <summary>Linux: writing 5 to /proc/self/clear_refs resets the peak resident set size (VmHWM) to the current one.</summary>
    public static bool TryResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    /// <summary>VmHWM from /proc/self/status in bytes (Linux), or null.</summary>
    public static long? ReadVmHwm()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps the highest working set and managed heap seen, sampled on a timer until stopped.</summary>
    public sealed class Sampler : IDisposable
    {
        private readonly Timer _timer;
        private readonly Lock _gate = new();
        private long _peakWorkingSet;
        private long _peakManaged;

        public Sampler(TimeSpan every)
        {
            Take();
            _timer = new Timer(_ => Take(), null, every, every);
        }

        public long PeakWorkingSet { get { lock (_gate) return _peakWorkingSet; } }
        public long PeakManaged { get { lock (_gate) return _peakManaged; } }

        public void Stop()
        {
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            Take();
        }

        private void Take()
        {
            var reading = Sample();
            lock (_gate)
            {
                _peakWorkingSet = Math.Max(_peakWorkingSet, reading.WorkingSet);
                _peakManaged = Math.Max(_peakManaged, reading.Managed);
            }
        }

        public void Dispose() => _timer.Dispose();
    }
}
