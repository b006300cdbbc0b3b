using AutoMLPlatform.Core.Datasets;

namespace AutoMLPlatform.Core.Tables;

/// <summary>What profiling a delimited file found: its schema and how many data rows it has.</summary>
public sealed record TableProfile(DatasetSchema Schema, long RowCount);
