using CxBridge.Metrics;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace CxBridge.Data.Departments;

/// <summary>
/// Copies the default catalog (<see cref="DepartmentCatalog.All"/>: departments, the metrics each shows, KPIs and
/// linkage pairs) into the database, once per department: a department whose <c>seeded_at</c> is set is left alone,
/// so an admin's edits stay and a pair or KPI an admin removed does not come back. Run after the migrations; safe to
/// run any number of times and from several instances at once (each department is seeded under its row's lock).
/// Targets are not seeded: the catalog (docs/departments.md) sets no default values.
/// </summary>
public sealed class DepartmentCatalogSeeder(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<DepartmentCatalogSeeder> logger)
{
    /// <summary>Seeds every department not seeded yet; returns their codes (empty when there was nothing to do).</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var seeded = new List<string>();
        for (var position = 0; position < DepartmentCatalog.All.Count; position++)
        {
            var department = DepartmentCatalog.All[position];
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (await SeedAsync(connection, tx, department, position, ct))
            {
                seeded.Add(department.Code);
            }
            await tx.CommitAsync(ct);
        }
        if (seeded.Count > 0)
        {
            logger.LogInformation("Seeded the department catalog: {Departments}", string.Join(", ", seeded));
        }
        return seeded;
    }

    private async Task<bool> SeedAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Department department, int position, CancellationToken ct)
    {
        // The row, or the completion of a placeholder an import made; then its lock, which a concurrent seeder waits for.
        await ExecuteAsync(connection, tx, """
            INSERT INTO departments (code, name, question, position) VALUES ($1, $2, $3, $4)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, question = EXCLUDED.question, position = EXCLUDED.position
            WHERE departments.seeded_at IS NULL
            """, ct, department.Code, department.Name, department.Question, position);
        await using (var check = new NpgsqlCommand("SELECT seeded_at IS NOT NULL FROM departments WHERE code = $1 FOR UPDATE", connection, tx))
        {
            check.Parameters.AddWithValue(department.Code);
            if ((bool)(await check.ExecuteScalarAsync(ct))!)
            {
                return false;
            }
        }

        await ExecuteAsync(connection, tx, """
            INSERT INTO department_metrics (department, metric, position)
            SELECT $1, metric, (ordinality - 1)::int FROM unnest($2::text[]) WITH ORDINALITY AS m (metric, ordinality)
            ON CONFLICT (department, metric) DO NOTHING
            """, ct, department.Code, department.Metrics.ToArray());

        // A KPI already there was made by an import before seeding (never by an admin: the department was not seeded),
        // so the catalog's definition replaces it; custom KPIs keep their place after the defaults.
        await ExecuteAsync(connection, tx, """
            INSERT INTO department_kpis (department, code, name, unit, direction, custom, position)
            SELECT $1, code, name, unit, direction, false, (ordinality - 1)::int
            FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS k (code, name, unit, direction, ordinality)
            ON CONFLICT (department, code) DO UPDATE SET name = EXCLUDED.name, unit = EXCLUDED.unit,
                direction = EXCLUDED.direction, custom = false, position = EXCLUDED.position
            """, ct, department.Code, department.Kpis.Select(k => k.Code).ToArray(), department.Kpis.Select(k => k.Name).ToArray(),
            department.Kpis.Select(k => k.Unit).ToArray(), department.Kpis.Select(k => k.Direction.Code()).ToArray());
        await ExecuteAsync(connection, tx, """
            UPDATE department_kpis k SET position = $2 + c.rank
            FROM (SELECT code, (row_number() OVER (ORDER BY position, code) - 1)::int AS rank
                  FROM department_kpis WHERE department = $1 AND custom) c
            WHERE k.department = $1 AND k.code = c.code
            """, ct, department.Code, department.Kpis.Count);

        var drivers = department.Pairs.Select(p => SeriesRef.FromCatalog(p.Driver, department.Code)).ToArray();
        var outcomes = department.Pairs.Select(p => SeriesRef.FromCatalog(p.Outcome, department.Code)).ToArray();
        await ExecuteAsync(connection, tx, """
            INSERT INTO department_pairs (department, position, driver_kind, driver_code, driver_department,
                outcome_kind, outcome_code, outcome_department, expected_sign)
            SELECT $1, (ordinality - 1)::int, dk, dc, dd, ok, oc, od, sign
            FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::smallint[])
                WITH ORDINALITY AS p (dk, dc, dd, ok, oc, od, sign, ordinality)
            ON CONFLICT DO NOTHING
            """, ct, department.Code,
            drivers.Select(s => s.Kind.Code()).ToArray(), drivers.Select(s => s.Code).ToArray(), drivers.Select(s => s.Department).ToArray(),
            outcomes.Select(s => s.Kind.Code()).ToArray(), outcomes.Select(s => s.Code).ToArray(), outcomes.Select(s => s.Department).ToArray(),
            department.Pairs.Select(p => (short)p.ExpectedSign).ToArray());

        await ExecuteAsync(connection, tx, "UPDATE departments SET seeded_at = $2 WHERE code = $1", ct, department.Code, clock.GetUtcNow());
        return true;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                string?[] texts => new NpgsqlParameter { Value = texts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                _ => new NpgsqlParameter { Value = value ?? DBNull.Value },
            });
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
