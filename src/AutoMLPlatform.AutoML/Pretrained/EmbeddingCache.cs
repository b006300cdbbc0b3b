using System.Collections.Concurrent;

namespace AutoMLPlatform.AutoML.Pretrained;

/// <summary>
/// Vectors of texts one model has already encoded, up to a fixed number of texts (after which new texts are encoded
/// every time): an experiment seeds it with every training text it encoded in bulk, so featurizing, evaluating and
/// permuting columns for importance re-encode nothing; a served model keeps the texts it saw last (an explained
/// row's variants repeat two texts per column). One cache per model, never shared between tenants: how fast a text
/// comes back must not tell anyone whether another tenant sent it.
/// </summary>
internal sealed class EmbeddingCache(int capacity)
{
    /// <summary>Texts a model loaded for serving keeps (about 1.6 MB of 384-d vectors).</summary>
    public const int ServingCapacity = 1024;

    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public int Capacity { get; } = capacity;

    public int Count => _vectors.Count;

    public bool TryGet(string text, out float[] vector) => _vectors.TryGetValue(text, out vector!);

    /// <summary>Keeps the vector; a full cache first drops about half its texts (whichever the dictionary yields first: cheap, and good enough to bound memory).</summary>
    public void Add(string text, float[] vector)
    {
        if (_vectors.Count >= Capacity)
        {
            foreach (var key in _vectors.Keys.Take(Capacity / 2 + 1))
            {
                _vectors.TryRemove(key, out _);
            }
        }

        _vectors.TryAdd(text, vector);
    }
}
