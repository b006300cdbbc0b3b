using AutoMLPlatform.Pretrained.Assets;

namespace AutoMLPlatform.Pretrained.Text;

/// <summary>
/// What a sentence encoder is: its network and vocabulary, and everything that decides its output for a text, so that
/// a model trained on its vectors gets the very same vectors when it is served.
/// </summary>
/// <param name="Name">The name clients and model packages use, e.g. <c>all-MiniLM-L6-v2</c>.</param>
/// <param name="Model">The ONNX network: WordPiece ids in, one hidden state per token out (<c>last_hidden_state</c>).</param>
/// <param name="Vocabulary">Its WordPiece vocabulary.</param>
/// <param name="Dimension">Length of the vectors.</param>
/// <param name="MaxTokens">Tokens read per text, [CLS] and [SEP] included; the rest of a longer text is cut off.</param>
/// <param name="LowerCase">Whether text is lower-cased (and accents stripped) before WordPiece, as for BERT's uncased vocabulary.</param>
public sealed record SentenceEncoderSpec(string Name, PretrainedAsset Model, PretrainedAsset Vocabulary, int Dimension, int MaxTokens, bool LowerCase);
