namespace AutoMLPlatform.AutoML.Search;

/// <summary>
/// What the search has learnt about one trainer so far: its cost spent and when its best and second-best losses
/// were found. The trainer selector estimates from these what the next improvement would cost.
/// </summary>
internal sealed class ArmStatistics(string name, double relativeInitialCost)
{
    public string Name { get; } = name;

    /// <summary>The cost of this trainer's starting configuration relative to the cheapest trainer's (LightGbm = 1).</summary>
    public double RelativeInitialCost { get; } = relativeInitialCost;

    public int Trials { get; private set; }

    /// <summary>K0: everything spent on this trainer.</summary>
    public double TotalCost { get; private set; }

    /// <summary>K1: the total spent when the current best was found.</summary>
    public double CostAtBest { get; private set; }

    /// <summary>K2: the total spent when the best before it was found.</summary>
    public double CostAtPreviousBest { get; private set; }

    public double BestLoss { get; private set; } = double.PositiveInfinity;

    public double PreviousBestLoss { get; private set; } = double.PositiveInfinity;

    public double FirstCost { get; private set; }

    /// <summary>The first finite loss, and the total spent when it was found.</summary>
    public double FirstLoss { get; private set; } = double.PositiveInfinity;

    public double CostAtFirstLoss { get; private set; }

    public double LastCost { get; private set; }

    public void Record(double loss, double cost)
    {
        cost = Math.Max(cost, 1e-9);
        if (Trials == 0)
        {
            FirstCost = cost;
        }

        Trials++;
        TotalCost += cost;
        LastCost = cost;
        if (double.IsFinite(loss) && !double.IsFinite(FirstLoss))
        {
            FirstLoss = loss;
            CostAtFirstLoss = TotalCost;
        }

        if (loss < BestLoss)
        {
            PreviousBestLoss = BestLoss;
            CostAtPreviousBest = CostAtBest;
            BestLoss = loss;
            CostAtBest = TotalCost;
        }
    }
}
