using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Tables;
using AutoMLPlatform.Core.Tenancy;

namespace AutoMLPlatform.Scoring.Feedback;

/// <summary>
/// The CSV back-fill: a header naming <c>predictionId</c>, <c>label</c> or <c>value</c>, and optionally <c>observedAt</c>
/// (other columns are ignored), then any number of rows, taken in slices of <see cref="FeedbackIntake.MaxRowsPerCall"/>
/// so memory stays flat. A slice is stored before the next is read: an error later in the file (a ragged row)
/// ends the call with a 400 but keeps what earlier slices stored, as the answer to a retried back-fill is the same.
/// </summary>
internal static class FeedbackCsv
{
    public static async Task<FeedbackResponse> TakeAsync(FeedbackIntake intake, TenantId tenant, string modelName, Stream body, CsvLimits limits,
        CancellationToken cancellationToken)
    {
        using var csv = new CsvReader(body, ',', leaveOpen: true, limits);
        var fields = new List<string>();
        if (!await csv.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false))
        {
            throw new CsvFormatException(CsvErrorCodes.Empty, "The CSV is empty; it needs a header row", 0);
        }

        var header = fields.ToArray();
        var id = Find(header, "predictionId") ?? throw new InvalidInputException(RequestErrorCodes.MissingColumn, "The CSV needs a predictionId column.", "predictionId");
        var (label, value, observedAt) = (Find(header, "label"), Find(header, "value"), Find(header, "observedAt"));
        if (label is null && value is null)
        {
            throw new InvalidInputException(RequestErrorCodes.MissingColumn, "The CSV needs a label column (classification) or a value column (regression).", "label");
        }

        int accepted = 0, replaced = 0, rejected = 0, index = 0;
        var reported = new List<FeedbackRowResult>();
        var slice = new List<FeedbackInput>(FeedbackIntake.MaxRowsPerCall);
        while (true)
        {
            var more = await csv.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false);
            if (more)
            {
                if (fields.Count != header.Length)
                {
                    throw new CsvFormatException(CsvErrorCodes.RaggedRow, $"The record has {fields.Count} fields but the header has {header.Length}", csv.RecordLine);
                }

                slice.Add(Row(fields, id, label, value, observedAt));
            }

            if (slice.Count == FeedbackIntake.MaxRowsPerCall || (!more && slice.Count > 0))
            {
                foreach (var result in await intake.TakeAsync(tenant, modelName, slice, index, cancellationToken).ConfigureAwait(false))
                {
                    accepted += result.Outcome == "accepted" ? 1 : 0;
                    replaced += result.Outcome == "replaced" ? 1 : 0;
                    rejected += result.Status != 200 ? 1 : 0;
                    if (result.Status != 200 && reported.Count < FeedbackIntake.MaxReportedCsvRows)
                    {
                        reported.Add(result);
                    }
                }

                index += slice.Count;
                slice.Clear();
            }

            if (!more)
            {
                break;
            }
        }

        return index == 0
            ? throw new CsvFormatException(CsvErrorCodes.HeaderOnly, "The CSV has a header but no feedback rows", 0)
            : new FeedbackResponse(accepted, replaced, rejected, reported);
    }

    private static FeedbackInput Row(List<string> fields, int id, int? label, int? value, int? observedAt)
    {
        string? Cell(int? column) => column is { } c && fields[c].Length > 0 ? fields[c] : null;
        var valueText = Cell(value);
        double? number = valueText is not null && double.TryParse(valueText, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return new FeedbackInput(Cell(id), Cell(label), number, number is null ? valueText : null, Cell(observedAt));
    }

    private static int? Find(string[] header, string name)
    {
        var index = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index;
    }
}
