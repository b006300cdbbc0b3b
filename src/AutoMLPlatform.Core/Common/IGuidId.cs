namespace AutoMLPlatform.Core.Common;

/// <summary>A typed identifier backed by a <see cref="Guid"/>, so a job id cannot go where a dataset id belongs.</summary>
public interface IGuidId<TSelf>
    where TSelf : struct, IGuidId<TSelf>
{
    Guid Value { get; }

    static abstract TSelf FromGuid(Guid value);
}
