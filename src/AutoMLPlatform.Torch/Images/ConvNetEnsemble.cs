using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AutoMLPlatform.Torch.Images;

/// <summary>
/// Several <see cref="ConvNet"/>s trained with different seeds on the same rows and pixel normalisation, averaged:
/// the output is the log of the members' mean probabilities, so a softmax of it gives that mean.
/// </summary>
internal sealed class ConvNetEnsemble : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<ConvNet> members;

    public ConvNetEnsemble(ImageShape shape, int classCount, int memberCount)
        : base(nameof(ConvNetEnsemble))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memberCount, 2);
        members = new ModuleList<ConvNet>([.. Enumerable.Range(0, memberCount).Select(_ => new ConvNet(shape, classCount))]);
        RegisterComponents();
    }

    public int Count => members.Count;

    /// <summary>An ensemble holding copies of the weights of <paramref name="networks"/> (which stay the caller's), in eval mode.</summary>
    public static ConvNetEnsemble CopyOf(IReadOnlyList<ConvNet> networks, ImageShape shape, int classCount)
    {
        var ensemble = new ConvNetEnsemble(shape, classCount, networks.Count);
        using (no_grad())
        {
            for (var i = 0; i < networks.Count; i++)
            {
                ensemble.members[i].load_state_dict(networks[i].state_dict());
            }
        }

        ensemble.eval();
        return ensemble;
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var mean = stack(members.Select(m => nn.functional.softmax(m.call(input), 1)).ToArray()).mean([0]);
        return mean.clamp_min(1e-12).log().MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            members.Dispose();
        }

        base.Dispose(disposing);
    }
}
