using AutoMLPlatform.Core.Datasets;

namespace AutoMLPlatform.Core.Modeling;

/// <summary>A column a model reads at prediction time.</summary>
/// <param name="Name">The column name, as in the training data.</param>
/// <param name="Type">Its type in the training data.</param>
/// <param name="AllowMissing">True when the training data had missing values here, so a request may leave it out.</param>
/// <param name="KeyedHash">True when the column is personal data the model reads only as a keyed hash under its tenant's
/// key (<see cref="Security.IKeyedHasher"/>): requests send the raw value, whoever loads the model hashes it first.</param>
public sealed record ModelInputColumn(string Name, ColumnType Type, bool AllowMissing, bool KeyedHash = false);
