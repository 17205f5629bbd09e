using System.Net.Sockets;
using Npgsql;

namespace CxBridge.Web.Infrastructure;

/// <summary>Tells a database that cannot be reached (down, restarting, refusing connections) from other failures.</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// True for a connection that could not be opened or was lost (socket errors, timeouts opening a connection, the
    /// server shutting down or starting up: SQLSTATE classes 08 and 57P): worth a "retrying" page and a 503, not a 500.
    /// </summary>
    public static bool IsUnavailable(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case SocketException:
                    return true;
                case NpgsqlException npgsql when npgsql.Message.Contains("connect", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }
        return false;
    }
}
