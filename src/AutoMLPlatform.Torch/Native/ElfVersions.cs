namespace AutoMLPlatform.Torch.Native;

/// <summary>
/// Reads GNU symbol versioning from an <see cref="ElfImage"/>: the versions a library needs from each dependency
/// (<c>Elf64_Verneed</c>/<c>Elf64_Vernaux</c> in <c>.gnu.version_r</c>), the versions a library defines
/// (<c>Elf64_Verdef</c>/<c>Elf64_Verdaux</c> in <c>.gnu.version_d</c>), and which dynamic symbols carry a version.
/// </summary>
internal static class ElfVersions
{
    /// <summary>Vernaux flag: a missing version is only warned about by the loader, not fatal.</summary>
    public const ushort WeakFlag = 0x2;

    /// <summary>The versym index of an unversioned global symbol.</summary>
    public const ushort GlobalIndex = 1;

    private const ushort HiddenBit = 0x8000;

    /// <summary>Every version the image needs, with the file it needs it from.</summary>
    public static IReadOnlyList<VersionNeed> ReadNeeds(ElfImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Find(ElfImage.SectionVersionNeeds) is not { } section)
        {
            return [];
        }

        var strings = image.Linked(section);
        var needs = new List<VersionNeed>();
        var entry = section.Offset;
        var end = section.Offset + section.Size;
        while (true)
        {
            // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
            EnsureInside(entry, 16, end);
            var count = image.ReadUInt16(entry + 2);
            var file = image.ReadString(strings, image.ReadUInt32(entry + 4));
            var aux = entry + image.ReadUInt32(entry + 8);
            for (var i = 0; i < count; i++)
            {
                // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                EnsureInside(aux, 16, end);
                needs.Add(new VersionNeed(file, image.ReadString(strings, image.ReadUInt32(aux + 8)),
                    image.ReadUInt16(aux + 4), image.ReadUInt16(aux + 6), aux));
                aux += image.ReadUInt32(aux + 12);
            }

            var next = image.ReadUInt32(entry + 12);
            if (next == 0)
            {
                return needs;
            }

            entry += next;
        }
    }

    /// <summary>The names of the versions the image defines (a library's own version nodes, e.g. <c>GLIBCXX_3.4.30</c>).</summary>
    public static IReadOnlySet<string> ReadDefinitions(ElfImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (image.Find(ElfImage.SectionVersionDefinitions) is not { } section)
        {
            return names;
        }

        var strings = image.Linked(section);
        var end = section.Offset + section.Size;
        var entry = section.Offset;
        while (true)
        {
            // Elf64_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32.
            EnsureInside(entry, 20, end);
            if (image.ReadUInt16(entry + 6) > 0)
            {
                // The first Elf64_Verdaux (vda_name u32, vda_next u32) names the version itself; later ones its parents.
                var aux = entry + image.ReadUInt32(entry + 12);
                EnsureInside(aux, 8, end);
                names.Add(image.ReadString(strings, image.ReadUInt32(aux)));
            }

            var next = image.ReadUInt32(entry + 16);
            if (next == 0)
            {
                return names;
            }

            entry += next;
        }
    }

    /// <summary>The offsets, in the file, of the <c>.gnu.version</c> entries that hold <paramref name="versionIndex"/>.</summary>
    public static IReadOnlyList<long> SymbolsWithVersion(ElfImage image, ushort versionIndex)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Find(ElfImage.SectionVersionSymbols) is not { } section)
        {
            return [];
        }

        var offsets = new List<long>();
        for (var offset = section.Offset; offset + 2 <= section.Offset + section.Size; offset += 2)
        {
            if ((image.ReadUInt16(offset) & ~HiddenBit) == versionIndex)
            {
                offsets.Add(offset);
            }
        }

        return offsets;
    }

    /// <summary>
    /// True when some relocation against the dynamic symbol table refers to a symbol of version
    /// <paramref name="versionIndex"/>: such a symbol is really used, and dropping its version would hide a missing
    /// function until it is called.
    /// </summary>
    public static bool IsReferencedByRelocations(ElfImage image, ushort versionIndex)
    {
        ArgumentNullException.ThrowIfNull(image);
        var symbols = SymbolsWithVersion(image, versionIndex);
        if (symbols.Count == 0)
        {
            return false;
        }

        var versym = image.Find(ElfImage.SectionVersionSymbols)!.Value;
        var symbolIndexes = symbols.Select(offset => (offset - versym.Offset) / 2).ToHashSet();
        var dynamicSymbols = image.Find(ElfImage.SectionDynamicSymbols)?.Index;
        foreach (var rela in image.All(ElfImage.SectionRela).Where(r => r.Link == dynamicSymbols))
        {
            // Elf64_Rela: r_offset u64, r_info u64 (symbol index in the high 32 bits), r_addend i64.
            var entrySize = rela.EntrySize > 0 ? rela.EntrySize : 24;
            for (var offset = rela.Offset; offset + entrySize <= rela.Offset + rela.Size; offset += entrySize)
            {
                if (symbolIndexes.Contains((long)(image.ReadUInt64(offset + 8) >> 32)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void EnsureInside(long offset, int length, long end)
    {
        if (offset < 0 || offset + length > end)
        {
            throw new InvalidDataException("An ELF version entry lies outside its section.");
        }
    }
}

/// <summary>One version a library needs from a dependency.</summary>
/// <param name="File">The dependency's soname, e.g. <c>libstdc++.so.6</c>.</param>
/// <param name="Name">The version, e.g. <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="Flags">The vernaux flags (<see cref="ElfVersions.WeakFlag"/>).</param>
/// <param name="Index">The vernaux "other" field: the index symbols of this version carry in <c>.gnu.version</c>.</param>
/// <param name="EntryOffset">Where the vernaux entry sits in the file.</param>
internal sealed record VersionNeed(string File, string Name, ushort Flags, ushort Index, long EntryOffset)
{
    public bool IsWeak => (Flags & ElfVersions.WeakFlag) != 0;
}
