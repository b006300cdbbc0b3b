namespace AutoMLPlatform.Datasets.Images;

/// <summary>One image of an image zip: its class (top folder), its path in the zip, its encoded bytes and its size.</summary>
public sealed record ImageZipEntry(string ClassName, string Path, byte[] Bytes, int Width, int Height);
