using System.Text;

namespace AutoMLPlatform.TestSupport;

/// <summary>
/// Texts whose class only meaning tells: each row names one food or one vehicle, every word used once, inside phrases
/// both classes share. Word and character n-grams seen in training say little about a held-out row, while a sentence
/// encoder knows a mango from a tram: the data on which pretrained embeddings must beat n-grams.
/// </summary>
public static class SemanticTexts
{
    public static readonly string[] Foods =
    [
        "apple", "banana", "cherry", "grape", "lemon", "mango", "orange", "peach", "pear", "plum", "melon", "kiwi", "papaya", "apricot", "coconut",
        "fig", "lime", "raspberry", "strawberry", "blueberry", "bread", "cheese", "butter", "pasta", "rice", "soup", "salad", "pizza", "burger",
        "sandwich", "cookie", "cake", "pie", "chocolate", "honey", "yogurt", "pancake", "waffle", "omelette", "sausage", "bacon", "steak",
        "chicken", "salmon", "tuna", "shrimp", "lobster", "noodles", "dumpling", "taco", "burrito", "sushi", "curry", "stew", "bagel", "muffin",
        "croissant", "donut", "popcorn", "cereal",
    ];

    public static readonly string[] Vehicles =
    [
        "car", "truck", "bus", "train", "tram", "subway", "bicycle", "motorcycle", "scooter", "airplane", "helicopter", "jet", "glider", "boat",
        "ship", "ferry", "yacht", "canoe", "kayak", "submarine", "taxi", "van", "limousine", "tractor", "bulldozer", "ambulance", "firetruck",
        "rocket", "spaceship", "sailboat", "skateboard", "sled", "snowmobile", "wagon", "carriage", "trolley", "minivan", "jeep", "pickup",
        "sedan", "hatchback", "convertible", "coupe", "moped", "tricycle", "unicycle", "hovercraft", "blimp", "zeppelin", "airship", "cruiser",
        "freighter", "tanker", "tugboat", "gondola", "raft", "catamaran", "monorail", "locomotive", "caravan",
    ];

    private static readonly string[] Phrases = ["I saw a {0} today", "there was a {0} near the house", "look at that {0}", "a {0}", "my friend likes the {0}"];

    /// <summary>A CSV with columns <c>text</c> and <c>kind</c> (food or vehicle), one row per word, shuffled with a fixed seed.</summary>
    public static string Csv(int seed = 5)
    {
        var random = new Random(seed);
        var rows = Foods.Select(w => (Word: w, Kind: "food")).Concat(Vehicles.Select(w => (Word: w, Kind: "vehicle"))).ToArray();
        random.Shuffle(rows);
        var csv = new StringBuilder("text,kind\n");
        foreach (var (word, kind) in rows)
        {
            csv.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, Phrases[random.Next(Phrases.Length)], word)).Append(',').Append(kind).Append('\n');
        }

        return csv.ToString();
    }
}
