namespace AutoMLPlatform.Torch.Images;

/// <summary>Whether training mirrors images left to right.</summary>
public enum FlipMode
{
    /// <summary>Decided from the data (<see cref="FlipPolicy"/>): on when a mirrored image still looks like its own class.</summary>
    Auto,

    /// <summary>Always mirror half of the images (photos, clothes).</summary>
    On,

    /// <summary>Never mirror (digits, letters: a mirrored 3 is not a 3).</summary>
    Off,
}
