using System.Globalization;
using System.Text;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Security;

namespace AutoMLPlatform.TestSupport;

/// <summary>A table whose label depends on a personal-data column, and schemas marked the way an upload marks them.</summary>
public static class HashedTables
{
    /// <summary>The customer whose rows are labelled "yes"; <see cref="NoCustomer"/>'s rows are "no".</summary>
    public const string YesCustomer = "+44 20 7946 1001";

    public const string NoCustomer = "+44 20 7946 1007";

    /// <summary>
    /// Columns <c>phone</c> (ten customers, <c>+44 20 7946 1000</c>…<c>1009</c>), <c>x</c> (noise) and <c>y</c>: "yes"
    /// for the first five customers, "no" for the others, so only the phone column carries the label.
    /// </summary>
    public static string CustomersCsv(int rows = 200, int seed = 5)
    {
        var random = new Random(seed);
        var text = new StringBuilder("phone,x,y\n");
        for (var i = 0; i < rows; i++)
        {
            var customer = random.Next(10);
            text.Append(CultureInfo.InvariantCulture, $"+44 20 7946 {1000 + customer},{random.NextDouble():F4},{(customer < 5 ? "yes" : "no")}\n");
        }

        return text.ToString();
    }

    /// <summary>The schema with <paramref name="column"/> marked as personal data to hash, as <c>hashColumns</c> at upload marks it.</summary>
    public static DatasetSchema MarkHashed(DatasetSchema schema, string column) =>
        Mark(schema, column, c => c with { Type = ColumnType.Categorical, Numeric = null, Sensitive = Marked(SensitiveHandling.Hash) });

    /// <summary>The schema with <paramref name="column"/> marked as personal data to leave out, as <c>sensitive</c> at upload marks it.</summary>
    public static DatasetSchema MarkSensitive(DatasetSchema schema, string column) =>
        Mark(schema, column, c => c with { Numeric = null, Sensitive = Marked(SensitiveHandling.Drop) });

    private static SensitiveColumn Marked(SensitiveHandling handling) => new(SensitiveKind.Marked, "Marked sensitive by the uploader.", handling);

    private static DatasetSchema Mark(DatasetSchema schema, string column, Func<ColumnProfile, ColumnProfile> mark)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new DatasetSchema(schema.Columns.Select(c => c.Name == column ? mark(c) : c).ToArray());
    }
}
