namespace CloudReel.Core.Planning;

/// <summary>What the planner planned from; notes name it.</summary>
internal enum PlanSource
{
    Brief,
    Script,
}
