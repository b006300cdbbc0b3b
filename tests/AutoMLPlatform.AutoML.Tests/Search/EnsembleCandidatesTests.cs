using AutoMLPlatform.AutoML.Search;
using AutoMLPlatform.AutoML.Trials;

namespace AutoMLPlatform.AutoML.Tests.Search;

public class EnsembleCandidatesTests
{
    [Test]
    public void A_trainer_crowded_out_of_the_best_ten_still_offers_its_best_trial()
    {
        var candidates = new EnsembleCandidates();
        candidates.Add(Trial(1, "LightGbm", 0.30));
        candidates.Add(Trial(2, "LightGbm", 0.35));
        for (var i = 0; i < 12; i++)
        {
            candidates.Add(Trial(10 + i, "Sdca", 0.20 + i * 0.001));
        }

        Assert.Multiple(() =>
        {
            Assert.That(candidates.Top.Select(t => t.Trainer), Is.All.EqualTo("Sdca"));
            Assert.That(candidates.Top.Select(t => t.Number), Is.EqualTo(Enumerable.Range(10, EnsembleCandidates.TopCount)));
            Assert.That(candidates.All.Select(t => t.Number), Is.EqualTo(Enumerable.Range(10, EnsembleCandidates.TopCount).Append(1)),
                "the ten best, then LightGbm's best (not its second)");
        });
    }

    [Test]
    public void Candidates_come_best_first_and_a_trainer_s_later_better_trial_replaces_its_best()
    {
        var candidates = new EnsembleCandidates();
        candidates.Add(Trial(1, "FastForest", 0.5));
        candidates.Add(Trial(2, "Sdca", 0.4));
        candidates.Add(Trial(3, "FastForest", 0.3));

        Assert.That(candidates.All.Select(t => t.Number), Is.EqualTo(new[] { 3, 2, 1 }));
    }

    [Test]
    public void A_trial_without_predictions_on_every_row_is_refused()
    {
        var candidates = new EnsembleCandidates();

        Assert.Throws<ArgumentException>(() => candidates.Add(Trial(1, "LightGbm", 0.3) with { Predictions = null }));
        Assert.That(candidates.All, Is.Empty);
    }

    private static TrialOutcome Trial(int number, string trainer, double loss) => new()
    {
        Number = number,
        Trainer = trainer,
        Hyperparameters = new Dictionary<string, object>(),
        Metrics = new Dictionary<string, double>(),
        Score = 1 - loss,
        Loss = loss,
        Duration = TimeSpan.FromSeconds(1),
        Predictions = [0.5f],
    };
}
