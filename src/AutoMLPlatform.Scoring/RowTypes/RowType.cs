using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Core.Registry;
using Microsoft.ML.Data;

namespace AutoMLPlatform.Scoring.RowTypes;

/// <summary>
/// A CLR class made at run time for one model's inputs: one public field per input column, <c>float</c> for numbers
/// and <c>string</c> for the rest, with <see cref="Schema"/> mapping each field to the column's real name.
/// </summary>
public sealed record RowType(Type ClrType, SchemaDefinition Schema, IReadOnlyList<ModelInputColumn> Columns, IReadOnlyList<string> FieldNames);
