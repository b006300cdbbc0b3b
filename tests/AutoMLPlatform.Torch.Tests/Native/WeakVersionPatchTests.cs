using AutoMLPlatform.Torch.Native;

namespace AutoMLPlatform.Torch.Tests.Native;

public class WeakVersionPatchTests
{
    [Test]
    public void Patching_makes_the_version_weak_and_leaves_no_symbol_bound_to_it()
    {
        var image = ElfImage.Parse(File.ReadAllBytes(PristineLibrary.Path));

        var changed = WeakVersionPatch.Apply(image, ["GLIBCXX_3.4.32"]);

        var reread = ElfImage.Parse(image.Bytes);
        var need = ElfVersions.ReadNeeds(reread).Single(n => n.Name == "GLIBCXX_3.4.32");
        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True);
            Assert.That(need.IsWeak, Is.True);
            Assert.That(ElfVersions.SymbolsWithVersion(reread, need.Index), Is.Empty);
        });
    }

    [Test]
    public void Patching_changes_only_the_flag_and_the_symbol_version_bytes()
    {
        var original = File.ReadAllBytes(PristineLibrary.Path);
        var image = ElfImage.Parse((byte[])original.Clone());

        WeakVersionPatch.Apply(image, ["GLIBCXX_3.4.32"]);

        var differing = Enumerable.Range(0, original.Length).Count(i => original[i] != image.Bytes[i]);
        Assert.Multiple(() =>
        {
            Assert.That(image.Bytes, Has.Length.EqualTo(original.Length));
            Assert.That(differing, Is.InRange(2, 3), "one flag byte and the versym entry (two bytes, one of which may already match)");
        });
    }

    [Test]
    public void Patching_a_patched_library_again_changes_nothing()
    {
        var image = ElfImage.Parse(File.ReadAllBytes(PristineLibrary.Path));
        WeakVersionPatch.Apply(image, ["GLIBCXX_3.4.32"]);
        var once = (byte[])image.Bytes.Clone();

        var changed = WeakVersionPatch.Apply(image, ["GLIBCXX_3.4.32"]);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.False);
            Assert.That(image.Bytes, Is.EqualTo(once));
        });
    }

    [Test]
    public void A_version_whose_symbols_are_really_used_is_refused_and_nothing_changes()
    {
        var original = File.ReadAllBytes(PristineLibrary.Path);
        var image = ElfImage.Parse((byte[])original.Clone());

        Assert.Multiple(() =>
        {
            Assert.Throws<NotSupportedException>(() => WeakVersionPatch.Apply(image, ["GLIBCXX_3.4.32", "GLIBCXX_3.4.21"]));
            Assert.That(image.Bytes, Is.EqualTo(original));
        });
    }
}
