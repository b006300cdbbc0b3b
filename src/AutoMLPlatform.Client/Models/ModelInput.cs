namespace AutoMLPlatform.Client.Models;

/// <summary>One input column of a model: its type, whether it may be left out, and whether it is hashed before the model sees it.</summary>
public sealed record ModelInput(string Name, string Type, bool AllowMissing, bool KeyedHash);
