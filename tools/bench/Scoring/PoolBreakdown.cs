using AutoMLPlatform.Core.Tenancy;
using AutoMLPlatform.Scoring.Binding;
using AutoMLPlatform.Scoring.Models;

namespace AutoMLPlatform.Bench.Scoring;

/// <summary>
/// Where the pool path's time goes beyond the raw engine (<c>--breakdown</c>): each step of the service path alone,
/// and the path built up step by step, measured in interleaved turns like the main comparison. Printed to stderr.
/// </summary>
internal static class PoolBreakdown
{
    public static void Run(ModelCache cache, Func<int, float> raw, Action<int, RowTarget> fill, InterleavedRates rates)
    {
        using var held = Lease(cache);
        var model = held.Model;
        var session = model.Rent();
        fill(0, session.Row);
        var steps = new (string Name, Func<int, float> Step)[]
        {
            ("raw engine", raw),
            ("lease alone", _ =>
            {
                using var lease = Lease(cache);
                return 0;
            }),
            ("refcount alone", _ =>
            {
                model.TryAcquire();
                model.Release();
                return 0;
            }),
            ("rent+return alone", _ =>
            {
                model.Return(model.Rent());
                return 0;
            }),
            ("bind alone", i =>
            {
                fill(i, session.Row);
                return 0;
            }),
            ("predict (one session)", i =>
            {
                fill(i, session.Row);
                session.Predict();
                return session.Output.Probabilities[1];
            }),
            ("+ rent+return", i =>
            {
                var s = model.Rent();
                fill(i, s.Row);
                s.Predict();
                var answer = s.Output.Probabilities[1];
                model.Return(s);
                return answer;
            }),
        };
        var measured = rates.Measure(steps.Select(s => s.Step).ToArray());
        for (var k = 0; k < steps.Length; k++)
        {
            Console.Error.WriteLine($"breakdown: {steps[k].Name,-24} {1e9 / InterleavedRates.Median(measured[k]),7:F1} ns/row");
        }

        model.Return(session);
    }

    private static ScoringModelLease Lease(ModelCache cache) =>
        cache.AcquireAsync(TenantId.Default, CreditModel.Name, ModelSelector.Production, CancellationToken.None) is { IsCompletedSuccessfully: true } warm
            ? warm.Result
            : throw new InvalidOperationException("A warm lease did not complete synchronously.");
}
