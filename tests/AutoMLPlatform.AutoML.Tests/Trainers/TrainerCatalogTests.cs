using AutoMLPlatform.AutoML.Trainers;
using AutoMLPlatform.Core.Modeling;

namespace AutoMLPlatform.AutoML.Tests.Trainers;

public class TrainerCatalogTests
{
    private static DataShape Shape(int features, int classes = 2) => new(3_000, features, classes, NonNegativeLabel: true, HasCategoricalSlots: false, Deterministic: false);

    [Test]
    public void A_binary_task_on_a_narrow_table_gets_every_trainer()
    {
        var names = TrainerCatalog.For(TaskKind.Binary, Shape(20), null).Select(c => c.Name);

        Assert.That(names, Is.EquivalentTo(TrainerCatalog.Names));
    }

    [Test]
    public void On_tens_of_thousands_of_text_features_only_linear_learners_compete_and_only_min_max_scaled()
    {
        var shape = Shape(55_000);

        var candidates = TrainerCatalog.For(TaskKind.Binary, shape, null);

        Assert.Multiple(() =>
        {
            Assert.That(candidates.Select(c => c.Name), Is.EquivalentTo(new[] { "Sdca", "Lbfgs", "LinearSvm", "AveragedPerceptron" }));
            Assert.That(candidates.Select(c => c.CreateSpace(TaskKind.Binary, shape).Parameters.Single(p => p.Name == Normalization.Parameter).Choices),
                Has.All.EqualTo(new[] { "minmax" }));
        });
    }

    [Test]
    public void On_text_n_grams_linear_learners_take_the_features_unscaled_and_start_lightly_regularized()
    {
        var shape = Shape(184_000, classes: 6) with { HasTextNgrams = true };

        var spaces = TrainerCatalog.For(TaskKind.Multiclass, shape, null).ToDictionary(c => c.Name, c => c.CreateSpace(TaskKind.Multiclass, shape).Parameters);

        Assert.Multiple(() =>
        {
            Assert.That(spaces.Keys, Is.EquivalentTo(new[] { "Sdca", "Lbfgs" }));
            foreach (var parameters in spaces.Values)
            {
                var normalization = parameters.Single(p => p.Name == Normalization.Parameter);
                Assert.That(normalization.Choices, Is.EqualTo(new[] { "none" }));
            }

            Assert.That(spaces["Lbfgs"].Single(p => p.Name == "l2Regularization").Init, Is.EqualTo(0.03).Within(1e-9));
            var sdcaL2 = spaces["Sdca"].Single(p => p.Name == "l2Regularization");
            Assert.That(sdcaL2.Init, Is.EqualTo(sdcaL2.Low), "SDCA starts at its weakest penalty");
        });
    }

    [Test]
    public void Many_classes_leave_out_the_one_versus_all_trees()
    {
        var names = TrainerCatalog.For(TaskKind.Multiclass, Shape(16, classes: 31), null).Select(c => c.Name);

        Assert.That(names, Is.EquivalentTo(new[] { "LightGbm", "Sdca", "Lbfgs" }));
    }

    [Test]
    public void A_trainer_list_restricts_the_search_by_name_in_any_case()
    {
        var names = TrainerCatalog.For(TaskKind.Regression, Shape(20, classes: 1), ["lightgbm", "SDCA"]).Select(c => c.Name);

        Assert.That(names, Is.EquivalentTo(new[] { "LightGbm", "Sdca" }));
    }
}
