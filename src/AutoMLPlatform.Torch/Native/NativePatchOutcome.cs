namespace AutoMLPlatform.Torch.Native;

/// <summary>What <see cref="TorchNative"/> had to do before TorchSharp could load.</summary>
public enum NativePatchOutcome
{
    /// <summary>The machine's libstdc++ has every version the library needs (or this is not Linux): nothing done.</summary>
    NotNeeded,

    /// <summary>The application's copy of the library was rewritten with the missing versions made optional.</summary>
    Patched,

    /// <summary>The copy had been patched before (by an earlier start): nothing written.</summary>
    AlreadyPatched,
}
