using System.ComponentModel.DataAnnotations;

namespace AutoMLPlatform.Jobs.Tests;

public class JobsOptionsTests
{
    [Test]
    public void No_queues_named_means_every_queue()
    {
        Assert.That(new JobsOptions().ServedQueues, Is.EqualTo(new[] { "training", "pipelines", "default" }));
    }

    [Test]
    public void Named_queues_are_served_as_named()
    {
        var options = new JobsOptions { Queues = ["pipelines", "default"] };

        Assert.That((options.ServedQueues, Errors(options)), Is.EqualTo((new[] { "pipelines", "default" }, Array.Empty<string>())));
    }

    [Test]
    public void An_unknown_queue_is_refused_naming_the_known_ones()
    {
        var errors = Errors(new JobsOptions { Queues = ["training", "trainig"] });

        Assert.That(errors, Is.EqualTo(new[] { "Unknown queue 'trainig' in AutoMLPlatform:Jobs:Queues; the queues are training, pipelines, default." }));
    }

    private static string[] Errors(JobsOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToArray();
    }
}
