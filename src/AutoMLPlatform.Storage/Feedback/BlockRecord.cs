namespace AutoMLPlatform.Storage.Feedback;

/// <summary>One <c>prediction_blocks</c> row as written.</summary>
internal sealed record BlockRecord(string Id, string Tenant, string Name, long FirstAt, long LastAt, int Rows, byte[] Outputs, byte[] Sealed);
