namespace AutoMLPlatform.Core.Feedback;

/// <summary>What the store did with one feedback row.</summary>
public enum FeedbackOutcome
{
    /// <summary>Stored; the prediction had no feedback before.</summary>
    Accepted,

    /// <summary>Stored over earlier feedback for the same prediction (the later wins).</summary>
    Replaced,

    /// <summary>No logged prediction of this tenant and model has that id; nothing written.</summary>
    UnknownId,
}
