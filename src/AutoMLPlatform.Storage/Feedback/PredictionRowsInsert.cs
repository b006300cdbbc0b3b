using System.Data.Common;
using System.Globalization;
using System.Text;
using AutoMLPlatform.Core.Feedback;

namespace AutoMLPlatform.Storage.Feedback;

/// <summary>
/// Inserts logged rows many per statement (<see cref="RowsPerStatement"/>), binding parameters through ADO.NET directly:
/// at 100 % logging the writer inserts as many rows as the host answers, and one statement per row (Dapper's list
/// form) cost more CPU than the predictions themselves. Both databases take multi-row <c>VALUES</c>.
/// </summary>
internal static class PredictionRowsInsert
{
    /// <summary>
    /// 12 parameters a row, 192 a statement. Not more: SQLite finds a named parameter by a linear scan of the statement's
    /// names, so binding costs grow with the square of the parameters (100 rows a statement cost ~20 µs a row).
    /// </summary>
    private const int RowsPerStatement = 16;

    private const int ParametersPerRow = 12;

    private const string Columns =
        "INSERT INTO prediction_log (id, tenant_id, model_name, version, predicted_at, inputs_id, inputs_index, predicted_label, predicted_value, probabilities_json, shadow, shadow_of) VALUES ";

    public static async Task RunAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<(LoggedPrediction Row, string Block, int Index)> rows,
        CancellationToken cancellationToken)
    {
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, rows.Count - start);
                // A full statement is prepared once and rebound; only the last, shorter one is built anew.
                var command = count == RowsPerStatement ? full ??= Create(connection, transaction, count) : Create(connection, transaction, count);
                for (var i = 0; i < count; i++)
                {
                    Bind(command.Parameters, i, rows[start + i]);
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                if (command != full)
                {
                    await command.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static DbCommand Create(DbConnection connection, DbTransaction transaction, int count)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(Columns);
        for (var i = 0; i < count; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var p = 0; p < ParametersPerRow; p++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{i}_{p}");
                sql.Append(p == 0 ? string.Empty : ", ").Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    private static void Bind(DbParameterCollection parameters, int i, (LoggedPrediction Row, string Block, int Index) item)
    {
        var (row, block, index) = item;
        var at = i * ParametersPerRow;
        parameters[at].Value = row.Id.ToString();
        parameters[at + 1].Value = row.Tenant.ToString();
        parameters[at + 2].Value = row.ModelName;
        parameters[at + 3].Value = row.Version;
        parameters[at + 4].Value = row.PredictedAt.ToUnixTimeMilliseconds();
        parameters[at + 5].Value = block;
        parameters[at + 6].Value = index;
        parameters[at + 7].Value = (object?)row.PredictedLabel ?? DBNull.Value;
        parameters[at + 8].Value = row.PredictedValue is { } value ? value : DBNull.Value;
        parameters[at + 9].Value = row.Probabilities.Count == 0 ? DBNull.Value : ProbabilitiesJson(row.Probabilities);
        parameters[at + 10].Value = row.Shadow ? 1 : 0;
        parameters[at + 11].Value = row.ShadowOf is { } of ? of.ToString() : DBNull.Value;
    }

    /// <summary>A JSON array of the probabilities, written by hand: the serializer's generic path cost a microsecond a row.</summary>
    private static string ProbabilitiesJson(IReadOnlyList<float> probabilities)
    {
        var json = new StringBuilder("[", 2 + 12 * probabilities.Count);
        for (var i = 0; i < probabilities.Count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(probabilities[i].ToString("R", CultureInfo.InvariantCulture));
        }

        return json.Append(']').ToString();
    }
}
