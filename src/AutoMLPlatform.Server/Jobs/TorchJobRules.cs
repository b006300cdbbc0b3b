using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Core.Datasets;
using AutoMLPlatform.Core.Modeling;
using AutoMLPlatform.Datasets.Images;

namespace AutoMLPlatform.Server.Jobs;

/// <summary>
/// Which datasets the Torch tasks accept, checked at submission: image datasets train only image classifiers (label
/// <c>label</c>); <c>image-classification</c> needs an image dataset; <c>text-classification</c> needs a table with a
/// free-text column besides the label; both classify, so a regression label is refused. Neither can be asked to export
/// to ONNX: TorchSharp networks have no ONNX form.
/// </summary>
internal static class TorchJobRules
{
    public static void Check(DatasetVersion version, ColumnProfile label, DataModality modality, TaskKind task, bool requireOnnx)
    {
        var isImages = version.Format == DatasetFormat.ImageZip;
        if (requireOnnx && (isImages || modality is DataModality.Text or DataModality.Image))
        {
            throw new InvalidInputException("torch-not-exportable",
                "Text and image classification train TorchSharp networks, which have no ONNX form: requireOnnx cannot be met. Leave it out, or train on a table with the tabular trainers.",
                "requireOnnx");
        }

        if (isImages && modality == DataModality.Text)
        {
            throw new InvalidInputException(TrainingErrorCodes.TaskNotForDataset, "text-classification needs a table with a text column; this dataset holds images.", "task");
        }

        if (!isImages && modality == DataModality.Image)
        {
            throw new InvalidInputException(TrainingErrorCodes.TaskNotForDataset, "image-classification needs an image dataset: upload a zip with one folder of images per class.", "task");
        }

        if (isImages && label.Name != ImageDatasetSchema.LabelColumn)
        {
            throw new InvalidInputException("invalid-label", $"An image dataset is labelled by its class folders: use the label '{ImageDatasetSchema.LabelColumn}'.", "label");
        }

        if (modality == DataModality.Text && !version.Schema.Columns.Any(c => c.Type == ColumnType.Text && c.Name != label.Name))
        {
            throw new InvalidInputException(TrainingErrorCodes.NoTextColumn, "text-classification needs a free-text column besides the label; this dataset has none.", "task");
        }

        if ((isImages || modality == DataModality.Text) && task == TaskKind.Regression)
        {
            throw new InvalidInputException(TrainingErrorCodes.TaskNotForDataset, "Text and image classifiers predict classes, not numbers.", "task");
        }
    }
}
