namespace AutoMLPlatform.Server.Console;

/// <summary>Where the server keeps its first admin key (an absolute path on its machine) and whether that file exists now.</summary>
public sealed record BootstrapKeyFileResponse(string Path, bool Exists);
