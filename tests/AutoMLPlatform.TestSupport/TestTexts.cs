using System.Text;

namespace AutoMLPlatform.TestSupport;

/// <summary>Labelled texts made in code with a fixed seed: each class has its own words, mixed with shared filler and 5 % label noise.</summary>
public static class TestTexts
{
    private static readonly string[] Filler =
        ["the", "a", "this", "it", "was", "and", "i", "we", "my", "box", "order", "item", "they", "really", "very", "with", "for", "after", "week"];

    private static readonly Dictionary<string, string[]> Signals = new()
    {
        ["good"] = ["great", "love", "excellent", "tasty", "perfect", "recommend", "fresh"],
        ["bad"] = ["awful", "broken", "stale", "refund", "never", "worst", "disappointed"],
        ["sport"] = ["match", "goal", "team", "coach", "season", "league", "score"],
        ["cooking"] = ["oven", "recipe", "flour", "simmer", "garlic", "bake", "sauce"],
        ["travel"] = ["flight", "hotel", "beach", "passport", "train", "museum", "luggage"],
    };

    /// <summary>The classes of the binary set.</summary>
    public static readonly string[] Sentiments = ["bad", "good"];

    /// <summary>The classes of the multiclass set.</summary>
    public static readonly string[] Topics = ["cooking", "sport", "travel"];

    /// <summary>One text of a class: 8 to 14 words, about a third of them the class's own.</summary>
    public static string Text(string className, Random random)
    {
        var words = Enumerable.Range(0, random.Next(8, 15))
            .Select(_ => random.Next(3) == 0 ? Signals[className][random.Next(Signals[className].Length)] : Filler[random.Next(Filler.Length)]);
        return string.Join(' ', words);
    }

    /// <summary><paramref name="rows"/> texts and labels over <paramref name="classes"/>.</summary>
    public static (List<string> Texts, List<string> Labels) Make(IReadOnlyList<string> classes, int rows, int seed = 11)
    {
        var random = new Random(seed);
        var (texts, labels) = (new List<string>(), new List<string>());
        for (var i = 0; i < rows; i++)
        {
            var label = classes[i % classes.Count];
            texts.Add(Text(label, random));
            labels.Add(random.NextDouble() < 0.05 ? classes[random.Next(classes.Count)] : label);
        }

        return (texts, labels);
    }

    /// <summary>The same as a CSV with columns <c>id</c> (a number), <c>review</c> and <c>label</c>.</summary>
    public static string Csv(IReadOnlyList<string> classes, int rows, int seed = 11)
    {
        var (texts, labels) = Make(classes, rows, seed);
        var csv = new StringBuilder("id,review,label\n");
        for (var i = 0; i < texts.Count; i++)
        {
            csv.Append(i).Append(",\"").Append(texts[i]).Append("\",").Append(labels[i]).Append('\n');
        }

        return csv.ToString();
    }
}
