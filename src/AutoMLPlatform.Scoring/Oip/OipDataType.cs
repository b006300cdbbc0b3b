namespace AutoMLPlatform.Scoring.Oip;

/// <summary>The tensor element types of the Open Inference Protocol, by their wire names.</summary>
internal enum OipDataType
{
    Bool,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Int8,
    Int16,
    Int32,
    Int64,
    Fp16,
    Fp32,
    Fp64,
    Bytes,
}

/// <summary>Wire names and value rules of <see cref="OipDataType"/>.</summary>
internal static class OipDataTypes
{
    private static readonly Dictionary<string, OipDataType> ByName = Enum.GetValues<OipDataType>().ToDictionary(WireName, StringComparer.Ordinal);

    /// <summary>"BOOL", "UINT8", …, "FP32", "BYTES": the protocol's names are upper case and case-sensitive.</summary>
    public static string WireName(OipDataType type) => type.ToString().ToUpperInvariant();

    public static bool TryParse(string name, out OipDataType type) => ByName.TryGetValue(name, out type);

    /// <summary>True for the integer and floating-point types.</summary>
    public static bool IsNumeric(OipDataType type) => type is not (OipDataType.Bool or OipDataType.Bytes);

    /// <summary>Whether a JSON number is a valid element of <paramref name="type"/>: integers in range for the integer types.</summary>
    public static bool Accepts(OipDataType type, double value) => type switch
    {
        OipDataType.Uint8 => IsInteger(value, 0, byte.MaxValue),
        OipDataType.Uint16 => IsInteger(value, 0, ushort.MaxValue),
        OipDataType.Uint32 => IsInteger(value, 0, uint.MaxValue),
        OipDataType.Uint64 => IsInteger(value, 0, ulong.MaxValue),
        OipDataType.Int8 => IsInteger(value, sbyte.MinValue, sbyte.MaxValue),
        OipDataType.Int16 => IsInteger(value, short.MinValue, short.MaxValue),
        OipDataType.Int32 => IsInteger(value, int.MinValue, int.MaxValue),
        OipDataType.Int64 => IsInteger(value, long.MinValue, long.MaxValue),
        OipDataType.Fp16 or OipDataType.Fp32 or OipDataType.Fp64 => double.IsFinite(value),
        _ => false,
    };

    private static bool IsInteger(double value, double min, double max) => value == Math.Floor(value) && value >= min && value <= max;
}
