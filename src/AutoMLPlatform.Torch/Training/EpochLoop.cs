using System.Diagnostics;
using AutoMLPlatform.Core.Modeling;
using TorchSharp;
using static TorchSharp.torch;

namespace AutoMLPlatform.Torch.Training;

/// <summary>
/// The training loop both trainers share: Adam with a cosine-decaying learning rate, weighted cross-entropy,
/// validation after every epoch, the best epoch's weights kept (early stopping with patience), the time limit
/// and the caller's cancellation checked after every batch, one <see cref="EpochReport"/> per epoch.
/// With a time limit, the number of planned epochs (which shapes the learning-rate decay) is re-estimated after
/// each epoch from the pace so far, so the decay ends near the deadline instead of being cut off half-way.
/// Without validation rows (a refit on every row, its epoch count already chosen), every epoch counts as the best:
/// the last one is kept and training runs its planned epochs.
/// </summary>
/// <param name="options">The shared settings, the time limit among them.</param>
/// <param name="progress">Hears every epoch.</param>
/// <param name="cancellationToken">Checked after every batch.</param>
/// <param name="spentBefore">Time the trainer already spent on this fit before the loop (building a vocabulary): it counts against the time limit.</param>
internal sealed class EpochLoop(TorchTrainingOptions options, IProgress<EpochReport>? progress, CancellationToken cancellationToken, TimeSpan spentBefore = default)
{
    private const int EvaluationBatchSize = 512;

    private static readonly IReadOnlyDictionary<string, double> NoMetrics = new Dictionary<string, double>();

    /// <summary>
    /// Trains <paramref name="module"/> (through <paramref name="forward"/>) on the <paramref name="train"/> rows of
    /// <paramref name="data"/>, validates on <paramref name="validation"/> after each epoch and leaves the best epoch's
    /// weights in the module. <paramref name="penalty"/>, when given, is added to every batch's loss.
    /// </summary>
    public TrainingSummary Run(nn.Module module, Func<Tensor[], Tensor> forward, ITrainingSet data, int classCount, int[] train, int[] validation,
        Func<Tensor>? penalty = null)
    {
        var budget = new TrainingBudget(options.TimeLimit - spentBefore, cancellationToken);
        var random = new Random(options.Seed);
        var weights = ClassWeights.Compute(train.Select(r => data.Labels[r]).ToArray(), classCount, options.ClassWeighting);
        using var weightTensor = weights is null ? null : tensor(weights);
        using optim.Optimizer optimizer = options.WeightDecay > 0
            ? optim.AdamW(module.parameters(), options.LearningRate, weight_decay: options.WeightDecay)
            : optim.Adam(module.parameters(), options.LearningRate);
        using var best = new BestWeights();
        var validationLabels = validation.Select(r => data.Labels[r]).ToArray();
        var batchesPerEpoch = Math.Max(1, (train.Length + options.BatchSize - 1) / options.BatchSize);
        var planned = options.MaxEpochs;
        var (epoch, bestEpoch, bestAccuracy, bestLoss) = (0, 0, -1.0, double.PositiveInfinity);
        IReadOnlyDictionary<string, double> bestMetrics = new Dictionary<string, double>();
        long trainedRows = 0;
        var trainingTicks = 0L;
        var stopped = "max-epochs";
        while (epoch < options.MaxEpochs)
        {
            epoch++;
            var order = train.ToArray();
            random.Shuffle(order);
            var epochClock = Stopwatch.StartNew();
            var (loss, rows, outOfTime) = TrainEpoch(module, forward, penalty, optimizer, data, order, weightTensor, random, budget,
                step => CosineRate((epoch - 1 + (step / (double)batchesPerEpoch)) / planned));
            trainingTicks += epochClock.ElapsedTicks;
            trainedRows += rows;

            var metrics = validation.Length == 0 ? NoMetrics : Evaluate(module, forward, data, validation, validationLabels, classCount);
            var accuracy = metrics.GetValueOrDefault(Metrics.NameOf(MetricKind.Accuracy), double.NaN);
            var validationLoss = metrics.GetValueOrDefault(Metrics.NameOf(MetricKind.LogLoss), double.NaN);
            var isBest = validation.Length == 0 || (options.SelectBy == EpochSelection.LogLoss
                ? validationLoss < bestLoss
                : accuracy > bestAccuracy || (accuracy == bestAccuracy && validationLoss < bestLoss));
            if (isBest)
            {
                (bestEpoch, bestAccuracy, bestLoss, bestMetrics) = (epoch, accuracy, validationLoss, metrics);
                best.Capture(module);
            }

            planned = Replan(budget, epoch, planned);
            progress?.Report(new EpochReport(epoch, planned, loss, validationLoss, accuracy, isBest, budget.Elapsed,
                rows / Math.Max(epochClock.Elapsed.TotalSeconds, 1e-9), bestMetrics));
            if (outOfTime || planned <= epoch && options.TimeLimit is not null)
            {
                stopped = "time-limit";
                break;
            }

            if (epoch - bestEpoch >= options.Patience)
            {
                stopped = "early-stopping";
                break;
            }
        }

        best.Restore(module);
        var seconds = trainingTicks / (double)Stopwatch.Frequency;
        return new TrainingSummary(epoch, bestEpoch, bestMetrics, stopped, budget.Elapsed, trainedRows / Math.Max(seconds, 1e-9),
            train.Length, validation.Length);
    }

    /// <summary>Probabilities for <paramref name="rows"/>, row-major, in eval mode and without gradients.</summary>
    public static float[] Predict(nn.Module module, Func<Tensor[], Tensor> forward, ITrainingSet data, IReadOnlyList<int> rows, int classCount)
    {
        module.eval();
        var probabilities = new float[rows.Count * classCount];
        var offset = 0;
        using var noGrad = no_grad();
        using var batches = data.Batches(rows, EvaluationBatchSize, augment: false, new Random(0)).GetEnumerator();
        while (true)
        {
            using var scope = NewDisposeScope();
            if (!batches.MoveNext())
            {
                return probabilities;
            }

            var batch = batches.Current;
            var p = nn.functional.softmax(forward(batch.Inputs), 1).data<float>();
            p.CopyTo(probabilities, offset);
            offset += batch.Rows * classCount;
        }
    }

    private (double Loss, long Rows, bool OutOfTime) TrainEpoch(nn.Module module, Func<Tensor[], Tensor> forward, Func<Tensor>? penalty, optim.Optimizer optimizer,
        ITrainingSet data, int[] order, Tensor? classWeights, Random random, TrainingBudget budget, Func<int, double> rate)
    {
        module.train();
        double lossSum = 0;
        long rows = 0;
        var step = 0;
        using var batches = data.Batches(order, options.BatchSize, augment: true, random).GetEnumerator();
        while (true)
        {
            if (budget.IsSpent())
            {
                return (lossSum / Math.Max(rows, 1), rows, true);
            }

            using var scope = NewDisposeScope();
            if (!batches.MoveNext())
            {
                return (lossSum / Math.Max(rows, 1), rows, false);
            }

            var batch = batches.Current;
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = rate(step);
            }

            var loss = nn.functional.cross_entropy(forward(batch.Inputs), batch.Labels, classWeights);
            optimizer.zero_grad();
            (penalty is null ? loss : loss + penalty()).backward();
            optimizer.step();
            lossSum += loss.item<float>() * batch.Rows;
            rows += batch.Rows;
            step++;
        }
    }

    private IReadOnlyDictionary<string, double> Evaluate(nn.Module module, Func<Tensor[], Tensor> forward, ITrainingSet data, int[] validation,
        int[] labels, int classCount)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ClassificationMetrics.Compute(Predict(module, forward, data, validation, classCount), labels, classCount);
    }

    /// <summary>
    /// Epochs that fit in the time limit at the pace so far, at least the ones done, at most the maximum. A last epoch
    /// of which a quarter or more fits is planned too and cut by the time limit: on a slow machine, where one epoch
    /// takes half the budget, stopping after whole epochs would leave that half unused.
    /// </summary>
    private int Replan(TrainingBudget budget, int done, int planned)
    {
        if (budget.Remaining is not { } remaining)
        {
            return planned;
        }

        var perEpoch = budget.Elapsed / done;
        var more = remaining <= TimeSpan.Zero ? 0 : (int)Math.Floor((remaining / perEpoch) + 0.75);
        return Math.Clamp(done + more, done, options.MaxEpochs);
    }

    /// <summary>Half a cosine from the peak rate at progress 0 down to 2 % of it at progress 1.</summary>
    private double CosineRate(double progress) =>
        options.LearningRate * (0.02 + (0.98 * 0.5 * (1 + Math.Cos(Math.PI * Math.Clamp(progress, 0, 1)))));
}
