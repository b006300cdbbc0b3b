using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;

namespace AutoMLPlatform.Insight.Onnx;

/// <summary>
/// Refuses ONNX export of a model with keyed-hash inputs. Its ML.NET part reads HMACs under the tenant's key, and that
/// step cannot go into the file (the key would go with it), so an exported graph would either need callers to hold
/// the key or featurize raw values it was never trained on. Checked before the model is loaded.
/// </summary>
public static class OnnxKeyedHashGuard
{
    /// <summary>The step a refusal names.</summary>
    public const string Step = "keyed-hash";

    public static void EnsureExportable(IReadOnlyList<ModelInputColumn> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var hashed = inputs.Where(i => i.KeyedHash).Select(i => $"'{i.Name}'").ToArray();
        if (hashed.Length > 0)
        {
            throw new NotExportableException(Step,
                $"The model reads {string.Join(", ", hashed)} only as a keyed hash (HMAC-SHA256 under the tenant's key), a step that cannot be exported without the key: score it through the platform instead.");
        }
    }
}
