namespace AutoMLPlatform.Torch.Native;

/// <summary>
/// Makes a library's need for some symbol versions optional, in place in its bytes: the vernaux entry of each
/// version gets <see cref="ElfVersions.WeakFlag"/> (the loader then only warns when the version is missing), and
/// every dynamic symbol bound to that version becomes an unversioned global (index 1), so the loader does not ask
/// for the version by symbol either. Sizes and offsets do not change: no section moves, nothing is relinked.
/// Only safe for versions whose symbols no relocation uses (the symbol is listed but never bound), which
/// <see cref="Apply"/> checks before touching anything.
/// </summary>
internal static class WeakVersionPatch
{
    /// <summary>Patches <paramref name="image"/>'s bytes so that the named versions are no longer required.</summary>
    /// <returns>True when bytes changed; false when every version was already optional (or is not needed at all).</returns>
    /// <exception cref="NotSupportedException">A version's symbols are used by relocations, so the patch would be unsafe.</exception>
    public static bool Apply(ElfImage image, IReadOnlyCollection<string> versions)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(versions);
        var targets = ElfVersions.ReadNeeds(image).Where(n => versions.Contains(n.Name)).ToArray();
        foreach (var need in targets)
        {
            if (ElfVersions.IsReferencedByRelocations(image, need.Index))
            {
                throw new NotSupportedException(
                    $"The library needs version {need.Name} of {need.File} for symbols it really uses; it cannot run with this {need.File}.");
            }
        }

        var changed = false;
        foreach (var need in targets)
        {
            if (!need.IsWeak)
            {
                image.WriteUInt16(need.EntryOffset + 4, (ushort)(need.Flags | ElfVersions.WeakFlag));
                changed = true;
            }

            foreach (var offset in ElfVersions.SymbolsWithVersion(image, need.Index))
            {
                image.WriteUInt16(offset, ElfVersions.GlobalIndex);
                changed = true;
            }
        }

        return changed;
    }
}
