using AutoMLPlatform.Torch.Native;

namespace AutoMLPlatform.Torch.Tests.Native;

public class ElfVersionsTests
{
    [Test]
    public void The_shipped_library_needs_GLIBCXX_3_4_32_from_libstdcxx_as_a_strong_version()
    {
        var image = ElfImage.Parse(File.ReadAllBytes(PristineLibrary.Path));

        var need = ElfVersions.ReadNeeds(image).Single(n => n.Name == "GLIBCXX_3.4.32");

        Assert.Multiple(() =>
        {
            Assert.That(need.File, Is.EqualTo("libstdc++.so.6"));
            Assert.That(need.IsWeak, Is.False);
            Assert.That(ElfVersions.SymbolsWithVersion(image, need.Index), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void No_relocation_of_the_shipped_library_uses_its_GLIBCXX_3_4_32_symbol_but_older_versions_are_used()
    {
        var image = ElfImage.Parse(File.ReadAllBytes(PristineLibrary.Path));
        var needs = ElfVersions.ReadNeeds(image).Where(n => n.File == "libstdc++.so.6").ToDictionary(n => n.Name);

        Assert.Multiple(() =>
        {
            Assert.That(ElfVersions.IsReferencedByRelocations(image, needs["GLIBCXX_3.4.32"].Index), Is.False);
            Assert.That(ElfVersions.IsReferencedByRelocations(image, needs["GLIBCXX_3.4.21"].Index), Is.True);
        });
    }

    [Test]
    public void The_machines_libstdcxx_defines_its_base_version()
    {
        var probe = LibStdCxxProbe.Probe();

        Assert.That(probe?.Versions, Does.Contain("GLIBCXX_3.4"));
    }

    [Test]
    public void Bytes_that_are_not_an_ELF_file_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => ElfImage.Parse("#!/bin/sh\necho not a library\n"u8.ToArray()));
    }

    [Test]
    public void An_ELF_header_whose_section_table_lies_outside_the_file_is_refused()
    {
        var bytes = File.ReadAllBytes(PristineLibrary.Path)[..4096];

        Assert.Throws<InvalidDataException>(() => ElfImage.Parse(bytes));
    }
}
