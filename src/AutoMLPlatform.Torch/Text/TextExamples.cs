namespace AutoMLPlatform.Torch.Text;

/// <summary>Texts and their class names, row by row (one label per text).</summary>
public sealed record TextExamples(IReadOnlyList<string> Texts, IReadOnlyList<string> Labels)
{
    public int Count => Texts.Count;
}
