namespace AutoMLPlatform.Scoring.Oip;

/// <summary><c>GET /v2</c>: the server's name, version and protocol extensions.</summary>
public sealed record OipServerMetadata(string Name, string Version, IReadOnlyList<string> Extensions);

/// <summary><c>GET /v2/health/live</c>.</summary>
public sealed record OipLive(bool Live);

/// <summary><c>GET /v2/health/ready</c>.</summary>
public sealed record OipReady(bool Ready);

/// <summary><c>GET /v2/models/{name}/ready</c>.</summary>
public sealed record OipModelReady(string Name, bool Ready);

/// <summary><c>GET /v2/models/{name}</c>: versions, platform and the tensors the model takes and gives.</summary>
public sealed record OipModelMetadata(string Name, IReadOnlyList<string> Versions, string Platform, IReadOnlyList<OipTensorMetadata> Inputs,
    IReadOnlyList<OipTensorMetadata> Outputs);

/// <summary>A tensor in model metadata; -1 in the shape is the batch dimension.</summary>
public sealed record OipTensorMetadata(string Name, string Datatype, IReadOnlyList<long> Shape);
