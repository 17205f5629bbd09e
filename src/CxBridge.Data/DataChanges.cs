namespace CxBridge.Data;

/// <summary>
/// A counter this instance moves on every import and undo, so that what is kept in memory about the data (filter
/// values) is read again after the data changed here.
/// </summary>
public sealed class DataChanges
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Changed() => Interlocked.Increment(ref _version);
}
