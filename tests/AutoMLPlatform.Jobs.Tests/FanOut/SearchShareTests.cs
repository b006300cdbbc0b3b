using AutoMLPlatform.AutoML.Experiment;
using AutoMLPlatform.AutoML.Settings;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Jobs;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Jobs.FanOut;
using AutoMLPlatform.Jobs.Searching;

namespace AutoMLPlatform.Jobs.Tests.FanOut;

public class SearchShareTests
{
    [TestCase(2, 7)]
    [TestCase(3, 10)]
    [TestCase(7, 7)]
    public void Parts_split_every_trainer_and_the_trials_limit_between_them_without_overlap(int parallelism, int maxTrials)
    {
        var spec = Spec(parallelism, maxTrials);
        var shares = Enumerable.Range(0, parallelism).Select(i => SearchShare.Part(spec, i)).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(shares.SelectMany(s => s.Trainers!), Is.EquivalentTo(ExperimentSettings.KnownTrainers));
            Assert.That(shares.Sum(s => s.MaxTrials), Is.EqualTo(maxTrials));
            Assert.That(shares.Count(s => s.WithExternalTrainers), Is.EqualTo(1));
        });
    }

    [Test]
    public void Two_parts_each_get_a_tree_trainer_and_a_linear_one()
    {
        var spec = Spec(2, null);

        Assert.Multiple(() =>
        {
            Assert.That(SearchShare.Part(spec, 0).Trainers, Is.SupersetOf(new[] { "LightGbm", "Lbfgs" }));
            Assert.That(SearchShare.Part(spec, 1).Trainers, Is.SupersetOf(new[] { "FastTree", "Sdca" }));
        });
    }

    [Test]
    public void Leaderboard_numbers_of_the_parts_interleave_without_clashing()
    {
        var spec = Spec(3, null);
        var numbers = Enumerable.Range(0, 3).SelectMany(i => Enumerable.Range(1, 5).Select(n => SearchShare.Part(spec, i).LeaderboardNumber(n))).ToArray();

        Assert.That(numbers.Order(), Is.EqualTo(Enumerable.Range(1, 15)));
    }

    [Test]
    public void Part_0_taking_over_another_part_adds_its_trainers_and_trials()
    {
        var spec = Spec(3, 9);

        var merged = SearchShare.Part(spec, 0).With(SearchShare.Part(spec, 2));

        Assert.That((merged.Index, merged.Trainers, merged.MaxTrials),
            Is.EqualTo((0, SearchShare.Part(spec, 0).Trainers!.Concat(SearchShare.Part(spec, 2).Trainers!).ToArray(), 6)));
    }

    [Test]
    public void The_whole_search_keeps_its_own_numbers_and_every_trainer()
    {
        var whole = SearchShare.Whole(Spec(1, 9));

        Assert.That((whole.Trainers, whole.MaxTrials, whole.LeaderboardNumber(4), whole.WithExternalTrainers), Is.EqualTo(((IReadOnlyList<string>?)null, 9, 4, true)));
    }

    private static JobSpec Spec(int parallelism, int? maxTrials) =>
        new(DatasetId.New(), 1, "y", TaskKind.Binary, null, TimeSpan.FromSeconds(10), "m", MaxTrials: maxTrials, Parallelism: parallelism);
}
