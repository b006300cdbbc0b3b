using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using AutoMLPlatform.Insight.Drift;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Drift;
using AutoMLPlatform.Scoring.Models;
using AutoMLPlatform.Scoring.Outputs;
using Microsoft.Extensions.Time.Testing;

namespace AutoMLPlatform.Scoring.Tests.Drift;

/// <summary>
/// How a recorder samples the values it counts. Rows come on a fake clock, a fixed step apart, which sets the rate the
/// recorder sees: <c>x</c> cycles through the ten bins of its reference, so each bin truly holds a tenth of the rows,
/// and <c>y</c> (no reference, so only its missing values count) is missing in every fourth row.
/// </summary>
public class DriftRecorderTests
{
    private const int SampledRowsPerSecond = 20_000;
    private static readonly TimeSpan Fast = TimeSpan.FromMicroseconds(1);
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(1);

    [Test]
    public void At_a_high_rate_the_stride_grows_and_the_row_count_stays_exact()
    {
        var stream = new RowStream(SampledRowsPerSecond);

        stream.Score(1_000_000, Fast);

        Assert.Multiple(() =>
        {
            // 1,000,000 rows a second over a target of 20,000: 50, up to the next power of two.
            Assert.That(stream.Shard.Stride, Is.EqualTo(64));
            Assert.That(stream.Recorder.Current.Rows, Is.EqualTo(1_000_000));
        });
    }

    [Test]
    public void At_a_high_rate_the_bin_and_missing_counts_estimate_the_true_counts()
    {
        var stream = new RowStream(SampledRowsPerSecond);

        stream.Score(1_000_000, Fast);
        var (bins, _, _) = stream.Recorder.Current.Column(RowStream.X);
        var (_, missing, _) = stream.Recorder.Current.Column(RowStream.Y);

        // About 1,560 picks per bin: a standard error near 2.5 %, so 10 % is four of them.
        Assert.Multiple(() =>
        {
            Assert.That(bins, Has.All.EqualTo(100_000).Within(10).Percent);
            Assert.That(missing, Is.EqualTo(250_000).Within(10).Percent);
        });
    }

    [Test]
    public void At_a_high_rate_a_stream_like_the_training_data_keeps_a_small_psi()
    {
        var stream = new RowStream(SampledRowsPerSecond);

        stream.Score(1_000_000, Fast);
        var report = DriftReportBuilder.Build("m", 1, RowStream.Inputs, RowStream.Reference, stream.Recorder.Current);

        Assert.That(report.Columns[RowStream.X].Psi, Is.LessThan(0.01));
    }

    [Test]
    public void At_a_low_rate_every_row_is_counted_exactly()
    {
        var stream = new RowStream(SampledRowsPerSecond);

        stream.Score(20_000, Slow);
        var (bins, _, _) = stream.Recorder.Current.Column(RowStream.X);
        var (_, missing, _) = stream.Recorder.Current.Column(RowStream.Y);

        Assert.Multiple(() =>
        {
            Assert.That(stream.Shard.Stride, Is.EqualTo(1));
            Assert.That(bins, Has.All.EqualTo(2_000));
            Assert.That(missing, Is.EqualTo(5_000));
        });
    }

    [Test]
    public void When_the_rate_drops_after_a_burst_the_stride_comes_back_to_one()
    {
        var stream = new RowStream(SampledRowsPerSecond);
        stream.Score(1_000_000, Fast);

        stream.Score(3_000, Slow);

        Assert.That(stream.Shard.Stride, Is.EqualTo(1));
    }

    [Test]
    public void With_sampling_off_every_row_is_counted_exactly_however_fast_rows_come()
    {
        var stream = new RowStream(sampledRowsPerSecond: 0);

        // The clock stands still: to a sampler the rate is as high as it gets.
        stream.Score(1_000_000, TimeSpan.Zero);
        var (bins, _, _) = stream.Recorder.Current.Column(RowStream.X);
        var (_, missing, _) = stream.Recorder.Current.Column(RowStream.Y);

        Assert.Multiple(() =>
        {
            Assert.That(stream.Shard.Stride, Is.EqualTo(1));
            Assert.That(bins, Has.All.EqualTo(100_000));
            Assert.That(missing, Is.EqualTo(250_000));
        });
    }

    /// <summary>One session's rows into a recorder of its own, on a fake clock; the row number carries on from call to call.</summary>
    private sealed class RowStream
    {
        public const int X = 0;
        public const int Y = 1;

        public static readonly ModelInputColumn[] Inputs = [new("x", ColumnType.Numeric, AllowMissing: true), new("y", ColumnType.Numeric, AllowMissing: true)];

        public static readonly DriftReference Reference = new(
            [DriftBins.Numeric("x", [1, 2, 3, 4, 5, 6, 7, 8, 9], [.. Enumerable.Repeat(0.1, 10)], 0), null], null, TrainingRows: 1_000);

        private readonly FakeTimeProvider _time = new();
        private readonly Row _row = new(new InputColumns(Inputs));
        private readonly PredictionValues _output = new(0);
        private DriftShard? _shard;
        private long _next;

        public RowStream(int sampledRowsPerSecond) => Recorder = new DriftRecorder(Reference, Inputs, _time, sampledRowsPerSecond);

        public DriftRecorder Recorder { get; }

        public DriftShard Shard => _shard!;

        public void Score(int rows, TimeSpan apart)
        {
            for (var i = 0; i < rows; i++, _next++)
            {
                _row.SetNumber(X, (_next % 10) + 0.5f);
                _row.SetNumber(Y, _next % 4 == 0 ? float.NaN : 1f);
                Recorder.Record(ref _shard, _row, _output);
                _time.Advance(apart);
            }
        }
    }

    private sealed class Row(InputColumns columns) : RowTarget(columns)
    {
        public override void Commit()
        {
        }
    }
}
