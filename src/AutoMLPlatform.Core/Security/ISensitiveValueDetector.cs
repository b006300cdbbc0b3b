namespace AutoMLPlatform.Core.Security;

/// <summary>Recognises one kind of personal data in a single value; profiling asks it about every value of a column.</summary>
public interface ISensitiveValueDetector
{
    SensitiveKind Kind { get; }

    bool Matches(string value);
}
