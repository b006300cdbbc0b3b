namespace AutoMLPlatform.Torch.Native;

/// <summary>How TorchSharp's native side was made ready in this process.</summary>
/// <param name="Outcome">What was done to the library.</param>
/// <param name="LibraryPath">The application's <c>libLibTorchSharp.so</c>, or null when none was found beside the app.</param>
/// <param name="LibStdCxxPath">The libstdc++ the process uses, or null when none was found.</param>
/// <param name="MissingVersions">libstdc++ versions the library asks for that this machine lacks.</param>
public sealed record TorchNativeReport(NativePatchOutcome Outcome, string? LibraryPath, string? LibStdCxxPath, IReadOnlyList<string> MissingVersions);
