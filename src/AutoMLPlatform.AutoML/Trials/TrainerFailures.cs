using AutoMLPlatform.AutoML.Runtime;

namespace AutoMLPlatform.AutoML.Trials;

/// <summary>The exceptions a trainer throws on a configuration or data it cannot handle: the trial fails, the search goes on.</summary>
internal static class TrainerFailures
{
    public static bool IsTrainerFailure(Exception exception) => exception switch
    {
        InvalidOperationException or ArgumentException or FormatException or ArithmeticException or IndexOutOfRangeException => true,
        AggregateException aggregate => !MLContextCancellation.IsCancellation(aggregate) && aggregate.InnerExceptions.All(IsTrainerFailure),
        _ => false,
    };

    /// <summary>The message a user reads for a failed trial.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Describe(aggregate.InnerExceptions[0]),
        _ => $"Failed ({exception.GetType().Name}): {exception.Message}",
    };
}
