using AutoMLPlatform.Core.Blobs;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Insight.Drift;

/// <summary>
/// Builds a version's <see cref="DriftReference"/> from the dataset version its lineage names: the first
/// <see cref="MaxRows"/> rows, numbers cut into <see cref="NumericBins"/> quantile bins, other columns as their
/// <see cref="TopCategories"/> most frequent values plus "other". Values are normalised as scoring normalises them
/// (<see cref="CellText"/>), so scoring the training rows reproduces the training shares exactly.
/// </summary>
public sealed class DriftReferenceBuilder(IDatasetStore datasets, IBlobStore blobs)
{
    public const int MaxRows = 100_000;
    public const int NumericBins = 10;
    public const int TopCategories = 10;

    /// <summary>Distinct values remembered per column; beyond it an unknown value cannot be called unseen.</summary>
    public const int MaxDistinct = 10_000;

    /// <summary>The reference, or null when the training data is gone or not a delimited table.</summary>
    public async Task<DriftReference?> BuildAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var dataset = await datasets.FindVersionAsync(version.TenantId, version.Lineage.DatasetId, version.Lineage.DatasetVersion, cancellationToken)
            .ConfigureAwait(false);
        if (dataset is null || !DatasetFormats.IsDelimited(dataset.Format))
        {
            return null;
        }

        var names = new ColumnNameLookup(dataset.Schema.Columns.Select(c => c.Name).ToArray());
        var columns = version.Inputs.Select(input => Column(dataset.Schema, names, input.Name, input.Type)).ToList();
        var labelType = version.Task == TaskKind.Regression ? ColumnType.Numeric : ColumnType.Categorical;
        columns.Add(Column(dataset.Schema, names, version.Label, labelType));
        long rows = 0;
        await using (var content = await blobs.OpenReadAsync(dataset.TenantId, BlobKind.Dataset, dataset.Sha256, cancellationToken).ConfigureAwait(false))
        {
            using var reader = new CsvReader(content, DatasetFormats.DelimiterOf(dataset.Format));
            var fields = new List<string>();
            await reader.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false); // the header, as profiled
            while (rows < MaxRows && await reader.ReadRecordAsync(fields, cancellationToken).ConfigureAwait(false))
            {
                rows++;
                foreach (var column in columns)
                {
                    column?.Add(column.Index < fields.Count ? fields[column.Index] : string.Empty);
                }
            }
        }

        var label = columns[^1];
        var predictions = label is null ? null
            : version.Task == TaskKind.Regression ? label.ToBins(version.Label)
            : label.ToClassBins(version.Label, version.Classes);
        return new DriftReference(columns.Take(version.Inputs.Count).Select((c, i) => c?.ToBins(version.Inputs[i].Name)).ToArray(), predictions, rows);
    }

    private static ColumnValues? Column(DatasetSchema schema, ColumnNameLookup names, string name, ColumnType type)
    {
        // The model's columns come from this schema, so they match exactly (columns may differ only in case).
        var match = names.Find(name);
        if (match.Kind != ColumnMatchKind.Exact)
        {
            return null;
        }

        // A sensitive column's values must not leave, even as the categories of a histogram.
        return schema.Columns[match.Index].Sensitive is null ? new ColumnValues(match.Index, type) : null;
    }

    private sealed class ColumnValues(int index, ColumnType type)
    {
        private readonly List<float> _numbers = [];
        private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
        private long _missing;
        private bool _capped;

        public int Index { get; } = index;

        public void Add(string field)
        {
            if (type == ColumnType.Numeric)
            {
                if (NumericParser.TryParse(field, out var number) && !double.IsNaN(number))
                {
                    _numbers.Add((float)number);
                }
                else
                {
                    _missing++;
                }

                return;
            }

            var value = CellText.Normalize(field, type);
            if (value.Length == 0)
            {
                _missing++;
            }
            else if (_counts.ContainsKey(value) || _counts.Count < MaxDistinct)
            {
                _counts[value] = _counts.GetValueOrDefault(value) + 1;
            }
            else
            {
                _capped = true;
            }
        }

        public DriftBins ToBins(string name) => type == ColumnType.Numeric ? NumericBins(name) : CategoryBins(name);

        /// <summary>Class bins in the model's class order (plus "other"), counted from the training labels as written.</summary>
        public DriftBins ToClassBins(string name, IReadOnlyList<string> classes)
        {
            var expected = new double[classes.Count + 1];
            var total = (double)_counts.Values.Sum();
            foreach (var (value, count) in _counts)
            {
                var index = IndexOf(classes, value);
                expected[index < 0 ? classes.Count : index] += total > 0 ? count / total : 0;
            }

            return DriftBins.Categorical(name, classes, [], false, expected, MissingShare(total));
        }

        private DriftBins NumericBins(string name)
        {
            var sorted = _numbers.ToArray();
            Array.Sort(sorted);
            var edges = new SortedSet<float>();
            for (var q = 1; q < DriftReferenceBuilder.NumericBins && sorted.Length > 0; q++)
            {
                edges.Add(sorted[(int)((long)q * sorted.Length / DriftReferenceBuilder.NumericBins)]);
            }

            var bins = DriftBins.Numeric(name, [.. edges], new double[edges.Count + 1], MissingShare(sorted.Length));
            var expected = new double[bins.Count];
            foreach (var value in sorted)
            {
                expected[bins.BinOf(value)] += 1.0 / sorted.Length;
            }

            return DriftBins.Numeric(name, [.. edges], expected, MissingShare(sorted.Length));
        }

        private DriftBins CategoryBins(string name)
        {
            var total = (double)_counts.Values.Sum();
            var ranked = _counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
            var top = ranked.Take(TopCategories).ToArray();
            var expected = new double[top.Length + 1];
            for (var i = 0; i < top.Length; i++)
            {
                expected[i] = top[i].Value / total;
            }

            expected[^1] = ranked.Skip(TopCategories).Sum(kv => kv.Value) / Math.Max(total, 1);
            return DriftBins.Categorical(name, top.Select(kv => kv.Key).ToArray(), ranked.Skip(TopCategories).Select(kv => kv.Key), !_capped, expected,
                MissingShare(total));
        }

        private double MissingShare(double present) => present + _missing == 0 ? 0 : _missing / (present + _missing);

        private static int IndexOf(IReadOnlyList<string> classes, string value)
        {
            for (var i = 0; i < classes.Count; i++)
            {
                if (string.Equals(classes[i], value, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
