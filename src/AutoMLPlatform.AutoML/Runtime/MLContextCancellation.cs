using System.Reflection;
using Microsoft.ML;

namespace AutoMLPlatform.AutoML.Runtime;

/// <summary>
/// Bridges a <see cref="CancellationToken"/> to an <see cref="MLContext"/>. ML.NET 5 trainers poll their context
/// between iterations and stop within moments once it is cancelled, but <c>MLContext.CancelExecution</c> is an
/// explicit implementation of an internal interface there, so it is reached by reflection, found once. A context
/// once cancelled stays cancelled: give every trial, and the refit, a context of its own.
/// </summary>
internal static class MLContextCancellation
{
    private static readonly MethodInfo CancelExecution =
        typeof(MLContext).GetMethods(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .SingleOrDefault(m => m.Name.EndsWith("CancelExecution", StringComparison.Ordinal) && m.GetParameters().Length == 0)
        ?? throw new MissingMethodException("MLContext has no CancelExecution method; ML.NET's cancellation changed.");

    /// <summary>Cancels <paramref name="mlContext"/> when <paramref name="cancellationToken"/> fires.</summary>
    public static CancellationTokenRegistration CancelOn(this MLContext mlContext, CancellationToken cancellationToken) =>
        cancellationToken.Register(static state => CancelExecution.Invoke(state, null), mlContext);

    /// <summary>True for the exceptions a cancelled fit ends with (FastTree wraps them in an aggregate).</summary>
    public static bool IsCancellation(Exception exception) => exception switch
    {
        OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsCancellation),
        TargetInvocationException { InnerException: { } inner } => IsCancellation(inner),
        _ => false,
    };
}
