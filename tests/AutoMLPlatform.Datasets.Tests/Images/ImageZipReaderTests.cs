using AutoMLPlatform.Core.Common;
using AutoMLPlatform.Datasets.Images;
using AutoMLPlatform.TestSupport;

namespace AutoMLPlatform.Datasets.Tests.Images;

public class ImageZipReaderTests
{
    private static readonly byte[] Png = TestImages.Png(4, 4, (x, y) => (byte)(x * 40));

    [Test]
    public void A_zip_of_class_folders_is_summarised_by_class_with_counts_and_sizes()
    {
        var zip = TestImages.BlobsZip(perClass: 5);

        var summary = Read(zip);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Classes, Is.EqualTo(new[] { new ImageClassCount("bottom", 5), new ImageClassCount("left", 5), new ImageClassCount("right", 5) }));
            Assert.That(summary.ImageCount, Is.EqualTo(15));
            Assert.That(summary.Sizes, Is.EqualTo(new ImageSizeRange(12, 12, 12, 12)));
        });
    }

    [Test]
    public void One_folder_around_the_class_folders_is_dropped()
    {
        var zip = TestImages.BlobsZip(perClass: 2, prefix: "my-dataset/");

        var summary = Read(zip);

        Assert.That(summary.Classes.Select(c => c.Name), Is.EqualTo(TestImages.BlobClasses));
    }

    [Test]
    public void Folder_entries_and_system_files_are_skipped()
    {
        var zip = TestImages.Zip([("a/", []), ("a/1.png", Png), ("b/1.png", Png), ("b/.DS_Store", [1, 2, 3]), ("__MACOSX/b/._1.png", [0])]);

        var summary = Read(zip);

        Assert.That(summary.ImageCount, Is.EqualTo(2));
    }

    [Test]
    public void Images_are_visited_in_path_order_with_their_class()
    {
        var zip = TestImages.Zip([("b/2.png", Png), ("a/1.png", Png), ("b/1.png", Png)]);
        var visited = new List<string>();

        ImageZipReader.Read(new MemoryStream(zip), ImageZipLimits.Default, e => visited.Add($"{e.ClassName}:{e.Path}"), CancellationToken.None);

        Assert.That(visited, Is.EqualTo(new[] { "a:a/1.png", "b:b/1.png", "b:b/2.png" }));
    }

    [TestCase("../evil.png")]
    [TestCase("a/../../evil.png")]
    [TestCase("/etc/evil.png")]
    [TestCase("a\\..\\..\\evil.png")]
    [TestCase("C:/evil.png")]
    public void An_entry_that_could_land_outside_the_target_is_refused(string name)
    {
        var zip = TestImages.Zip([("a/1.png", Png), ("b/1.png", Png), (name, Png)]);

        var error = Assert.Throws<InvalidInputException>(() => Read(zip));

        Assert.That(error!.ErrorCode, Is.EqualTo("zip-unsafe-path"));
    }

    [Test]
    public void A_zip_with_more_entries_than_allowed_is_refused()
    {
        var zip = TestImages.Zip(Enumerable.Range(0, 11).Select(i => ($"{(char)('a' + (i % 2))}/{i}.png", Png)));

        var error = Assert.Throws<InvalidInputException>(() => Read(zip, ImageZipLimits.Default with { MaxEntries = 10 }));

        Assert.That(error!.ErrorCode, Is.EqualTo("zip-too-many-entries"));
    }

    [Test]
    public void A_zip_of_300000_entries_is_refused_before_its_central_directory_is_read_whole()
    {
        var zip = HostileInputs.ZipOfEmptyEntries(300_000);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var error = Assert.Throws<InvalidInputException>(() => Read(zip));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("zip-too-many-entries"));
            Assert.That(allocated, Is.LessThan(8L << 20), "bytes allocated while reading the zip");
        });
    }

    [Test]
    public void A_zip_whose_entry_list_is_larger_than_allowed_is_refused()
    {
        var zip = HostileInputs.ZipOfEmptyEntries(1000);

        var error = Assert.Throws<InvalidInputException>(() => Read(zip, ImageZipLimits.Default with { MaxDirectoryBytes = 10_000 }));

        Assert.That(error!.ErrorCode, Is.EqualTo("zip-directory-too-large"));
    }

    [Test]
    public void An_entry_that_inflates_past_the_limit_is_refused()
    {
        var bomb = new byte[1 << 20];
        Png.CopyTo(bomb, 0);
        var zip = TestImages.Zip([("a/1.png", Png), ("b/1.png", bomb)]);

        var error = Assert.Throws<InvalidInputException>(() => Read(zip, ImageZipLimits.Default with { MaxEntryBytes = 64 << 10 }));

        Assert.That(error!.ErrorCode, Is.EqualTo("zip-entry-too-large"));
    }

    [Test]
    public void Images_that_inflate_past_the_total_limit_are_refused()
    {
        var zip = TestImages.BlobsZip(perClass: 10);

        Assert.Throws<PayloadTooLargeException>(() => Read(zip, ImageZipLimits.Default with { MaxTotalBytes = 2000 }));
    }

    [Test]
    public void A_file_that_is_not_an_image_is_refused_by_name()
    {
        var zip = TestImages.Zip([("a/1.png", Png), ("b/1.png", Png), ("b/notes.txt", "hello"u8.ToArray())]);

        var error = Assert.Throws<InvalidInputException>(() => Read(zip));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("zip-not-an-image"));
            Assert.That(error.Message, Does.Contain("b/notes.txt"));
        });
    }

    [Test]
    public void A_file_with_an_image_signature_but_no_image_is_refused()
    {
        var zip = TestImages.Zip([("a/1.png", Png), ("b/1.png", Png[..12])]);

        var error = Assert.Throws<InvalidInputException>(() => Read(zip));

        Assert.That(error!.ErrorCode, Is.EqualTo("zip-not-an-image"));
    }

    [Test]
    public void An_image_larger_than_the_pixel_limit_is_refused()
    {
        var zip = TestImages.Zip([("a/1.png", Png), ("b/1.png", TestImages.Png(40, 40, (_, _) => 0))]);

        var error = Assert.Throws<InvalidInputException>(() => Read(zip, ImageZipLimits.Default with { MaxPixels = 1000 }));

        Assert.That(error!.ErrorCode, Is.EqualTo("zip-image-too-large"));
    }

    [Test]
    public void A_zip_with_a_single_class_is_refused()
    {
        var zip = TestImages.Zip([("a/1.png", Png), ("a/2.png", Png)]);

        var error = Assert.Throws<InvalidInputException>(() => Read(zip));

        Assert.That(error!.ErrorCode, Is.EqualTo("zip-single-class"));
    }

    [Test]
    public void A_zip_without_images_is_refused()
    {
        var zip = TestImages.Zip([("a/", []), ("b/.keep", [])]);

        var error = Assert.Throws<InvalidInputException>(() => Read(zip));

        Assert.That(error!.ErrorCode, Is.EqualTo("zip-empty"));
    }

    [Test]
    public void An_image_outside_any_class_folder_is_refused()
    {
        var zip = TestImages.Zip([("a/1.png", Png), ("b/1.png", Png), ("loose.png", Png)]);

        var error = Assert.Throws<InvalidInputException>(() => Read(zip));

        Assert.That(error!.ErrorCode, Is.EqualTo("zip-no-class-folder"));
    }

    [Test]
    public void Bytes_that_are_not_a_zip_are_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => Read("just,a,csv\n1,2,3\n"u8.ToArray()));

        Assert.That(error!.ErrorCode, Is.EqualTo("zip-unreadable"));
    }

    private static ImageZipSummary Read(byte[] zip, ImageZipLimits? limits = null) =>
        ImageZipReader.Read(new MemoryStream(zip), limits ?? ImageZipLimits.Default, null, CancellationToken.None);
}
