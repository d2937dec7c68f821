using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.MemoryPlan.Measuring;
using WasmBox.Nano.MemoryPlan.Planning;
using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.MemoryPlan.Tests;

/// <summary>Each shipped profile's maxContainers is what the runtime accepts on a simulated board of it.</summary>
public class ProfileBudgetTests
{
    public static TheoryData<string> Profiles() => new(HardwareProfiles.Names);

    [Theory]
    [MemberData(nameof(Profiles))]
    public void MaxContainers_profile_containers_install_and_one_more_is_refused(string id)
    {
        HardwareProfile profile = HardwareProfiles.Load(id).Profile!;
        ContainerShape container = ContainerShape.ForProfile(profile.Limits.MaxImageBytes, profile.Limits.StackFrames);

        ShapeCapacity capacity = BudgetPlanner.Capacity(profile, container);

        Assert.Equal(profile.Limits.MaxContainers, capacity.Fits);
        Assert.StartsWith(InstallError.BoardMemoryExhausted + ": ", capacity.NextRefusal);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void The_formula_with_the_profiles_overhead_prices_its_container_as_the_runtime_does(string id)
    {
        HardwareProfile profile = HardwareProfiles.Load(id).Profile!;

        ProfileBudget budget = BudgetPlanner.Plan(profile);

        Assert.Equal(profile.Limits.ContainerOverheadBytes, budget.DerivedOverheadBytes);
        Assert.Equal(budget.ProfileContainer.EstimateBytes, ContainerLimits.BytesPerContainer(profile.Limits));
        Assert.True(budget.FormulaAgrees);
    }

    [Fact]
    public void A_board_holds_at_most_32_containers_whatever_its_heap()
    {
        HardwareProfile roomy = BoardRig.Roomy(HardwareProfiles.Load("esp32-wrover-kit").Profile!);

        ShapeCapacity capacity = BudgetPlanner.Capacity(roomy, ContainerShape.Small);

        Assert.Equal(InstallChecker.MaxContainersPerBoard, capacity.Fits);
        Assert.Contains("the most one runtime runs", capacity.NextRefusal);
    }
}
