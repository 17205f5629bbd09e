using System.Diagnostics;
using CxBridge.Data.Imports;

namespace CxBridge.Benchmarks;

/// <summary>
/// One import through <see cref="ImportService"/>, timed, with the process's memory over the import only: a full
/// GC first, the kernel's peak RSS (VmHWM) reset, the working set and managed heap sampled every 50 ms.
/// </summary>
internal sealed record MeasuredImport(
    ImportReport Report,
    int Rows,
    double Seconds,
    long WorkingSetBefore,
    long ManagedBefore,
    long Peak,
    long PeakWorkingSet,
    long? VmHwm,
    bool HwmReset,
    long PeakManaged,
    long Allocated,
    double StagingSeconds,
    double MergeSeconds)
{
    public double RowsPerSecond => Rows / Seconds;

    /// <summary>Runs the import; throws unless every one of the <paramref name="rows"/> rows went in.</summary>
    public static async Task<MeasuredImport> RunAsync(ImportService service, ImportRequest request, int rows, Spans spans, Action<Memory.Reading>? before = null)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var hwmReset = Memory.TryResetPeakRss();
        var start = Memory.Sample();
        before?.Invoke(start);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var sampler = new Memory.Sampler(TimeSpan.FromMilliseconds(50));
        spans.Clear();
        var watch = Stopwatch.StartNew();
        var report = await service.ImportAsync(request);
        var seconds = watch.Elapsed.TotalSeconds;
        sampler.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var vmHwm = Memory.ReadVmHwm();
        if (report.Status != "imported" || report.RowsImported != rows)
        {
            throw new InvalidOperationException($"the {request.Kind} import did not take every row: status {report.Status}, {report.RowsImported:N0} imported, "
                                                + $"{report.RowsUpdated:N0} updated, {report.RowsRejected:N0} rejected; {report.Message}"
                                                + string.Concat(report.Errors.Take(5).Select(e => $"\n  row {e.Row} {e.Column} '{e.Value}': {e.Message}")));
        }
        var peak = hwmReset && vmHwm is { } hwm ? Math.Max(hwm, sampler.PeakWorkingSet) : sampler.PeakWorkingSet;
        // The service's two steps, as traced by Npgsql: the binary COPY into the staging table, then the statement(s) reading it.
        var stagingSeconds = spans.Seconds(sql => sql.StartsWith("COPY import_staging", StringComparison.OrdinalIgnoreCase));
        var mergeSeconds = spans.Seconds(sql => sql.Contains("FROM import_staging", StringComparison.OrdinalIgnoreCase));
        return new MeasuredImport(report, rows, seconds, start.WorkingSet, start.Managed, peak, sampler.PeakWorkingSet, vmHwm, hwmReset,
            sampler.PeakManaged, allocated, stagingSeconds, mergeSeconds);
    }
}
