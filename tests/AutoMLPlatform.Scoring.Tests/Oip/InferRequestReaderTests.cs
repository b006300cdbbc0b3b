using System.Buffers;
using System.Text;
using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Scoring.Oip;

namespace AutoMLPlatform.Scoring.Tests.Oip;

public class InferRequestReaderTests
{
    private static readonly InferRequestLimits Limits = new(MaxElements: 10_000, MaxInputs: 100, MaxDepth: 32);

    [Test]
    public void An_input_of_eight_million_elements_is_refused_at_the_row_limit_having_allocated_little()
    {
        var body = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(
            """{"inputs":[{"name":"x1","shape":[8000000],"datatype":"FP32","data":[""" + string.Join(',', Enumerable.Repeat("0", 8_000_000)) + "]}]}"));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var error = Assert.Throws<AutoMLPlatform.Scoring.Http.PayloadTooLargeRowsException>(() => InferRequestReader.Read(body, Limits));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("too-many-rows"));
            Assert.That(allocated, Is.LessThan(4L << 20), "bytes allocated while reading");
        });
    }

    [Test]
    public void More_inputs_than_the_limit_are_refused()
    {
        var input = """{"name":"x1","shape":[1],"datatype":"FP32","data":[0]}""";
        var body = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes("""{"inputs":[""" + string.Join(',', Enumerable.Repeat(input, 101)) + "]}"));

        var error = Assert.Throws<InvalidInputException>(() => InferRequestReader.Read(body, Limits));

        Assert.That(error!.ErrorCode, Is.EqualTo("too-many-inputs"));
    }
}
