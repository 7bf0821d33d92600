namespace CloudReel.Models.Configuration;

/// <summary>
/// The language-model planner, section <c>Planner</c>: an Azure OpenAI chat deployment that supports
/// structured output. Without a deployment the rule-based planner plans.
/// </summary>
public sealed class PlannerOptions : ChatDeploymentOptions;
