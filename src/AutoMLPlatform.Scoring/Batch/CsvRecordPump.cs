using System.Threading.Channels;
using AutoMLPlatform.Core.Tables;

namespace AutoMLPlatform.Scoring.Batch;

/// <summary>
/// Reads CSV records on a task of its own, in blocks, while the caller predicts the previous block: parsing and
/// predicting overlap on two cores. Memory stays bounded: <see cref="BlocksInFlight"/> blocks circulate between the
/// reader and the caller, their field lists reused, and a block ends at <see cref="BlockSize"/> records or once its
/// records hold <see cref="BlockCharacters"/> characters, so wide records cannot multiply the bound by the block size:
/// in flight are at most <see cref="BlocksInFlight"/> x (<see cref="BlockCharacters"/> + one record at its
/// <see cref="CsvLimits.MaxRecordLength"/>) characters.
/// </summary>
internal sealed class CsvRecordPump : IAsyncDisposable
{
    public const int BlockSize = 256;
    private const int BlockCharacters = 256 * 1024;
    private const int BlocksInFlight = 4;

    private readonly Channel<Block> _full = Channel.CreateBounded<Block>(BlocksInFlight);
    private readonly Channel<Block> _free = Channel.CreateBounded<Block>(BlocksInFlight);
    private readonly CancellationTokenSource _stop;
    private readonly Task _reading;

    public CsvRecordPump(CsvReader csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        for (var i = 0; i < BlocksInFlight; i++)
        {
            _free.Writer.TryWrite(new Block());
        }

        _reading = Task.Run(() => ReadAsync(csv, _stop.Token), CancellationToken.None);
    }

    /// <summary>The next block of records, or null at the end; hand it back with <see cref="Recycle"/>. A read error surfaces here.</summary>
    public async ValueTask<Block?> NextAsync(CancellationToken cancellationToken) =>
        await _full.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) && _full.Reader.TryRead(out var block) ? block : null;

    public void Recycle(Block block) => _free.Writer.TryWrite(block);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _reading.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ReadAsync(CsvReader csv, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var block = await _free.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                block.Count = 0;
                var characters = 0L;
                var more = true;
                while (block.Count < BlockSize && characters < BlockCharacters
                       && (more = await csv.ReadRecordAsync(block.Records[block.Count], cancellationToken).ConfigureAwait(false)))
                {
                    characters += csv.RecordLength;
                    block.Lines[block.Count++] = csv.RecordLine;
                }

                if (block.Count > 0)
                {
                    await _full.Writer.WriteAsync(block, cancellationToken).ConfigureAwait(false);
                }

                if (!more)
                {
                    _full.Writer.TryComplete();
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            // Not swallowed: handed to the caller, whose next NextAsync throws it (a CSV error, a body over the limit,
            // or the cancellation it asked for), exactly as if it had read the record itself.
            _full.Writer.TryComplete(ex);
        }
    }

    /// <summary>Up to <see cref="BlockSize"/> records with the line each started on.</summary>
    public sealed class Block
    {
        public List<string>[] Records { get; } = Enumerable.Range(0, BlockSize).Select(_ => new List<string>()).ToArray();

        public long[] Lines { get; } = new long[BlockSize];

        public int Count { get; set; }
    }
}
