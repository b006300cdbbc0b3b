namespace AutoMLPlatform.Client.Feedback;

/// <summary>The length of each window of <see cref="FeedbackClient.GetQualityAsync"/>.</summary>
public enum QualityGranularity
{
    Day,
    Hour,
}
