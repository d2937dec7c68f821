namespace WasmBox.Nano.MemoryPlan.Planning;

/// <summary>How many containers of one shape a board's runtime accepts, and why the next one is refused.</summary>
public sealed record ShapeCapacity(string Shape, string Description, int EstimateBytes, int Fits, string NextRefusal);

/// <summary>
/// One profile's budget: its heap, what must stay outside the container budget (runtime core,
/// bundle-verification peak, safety margin) against the profile's runtimeReserveBytes, the
/// runtime's own reserve inside the budget, the containers that fit, and the formula's check.
/// </summary>
public sealed record ProfileBudget(
    string Profile,
    int ManagedHeapBytes,
    int RuntimeReserveBytes,
    int HeapBudgetBytes,
    long RuntimeCoreBytes,
    long BundlePeakBytes,
    long SafetyMarginBytes,
    int TenantReserveBytes,
    IReadOnlyList<ShapeCapacity> Shapes,
    ShapeCapacity ProfileContainer,
    int DerivedOverheadBytes,
    int FormulaMaxContainers,
    int ProfileMaxContainers)
{
    /// <summary>What the profile's runtimeReserveBytes has to cover besides the transports and the application.</summary>
    public long ReserveNeededBytes => RuntimeCoreBytes + BundlePeakBytes + SafetyMarginBytes;

    public bool ReserveCovers => RuntimeReserveBytes >= ReserveNeededBytes;

    /// <summary>True when the profile's maxContainers is what the runtime accepts of the profile's container.</summary>
    public bool FormulaAgrees => ProfileMaxContainers == ProfileContainer.Fits && FormulaMaxContainers == ProfileContainer.Fits;
}
