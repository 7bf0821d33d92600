using CloudReel.Azure.Events;
using CloudReel.Models.Configuration;
using Microsoft.Extensions.Options;

namespace CloudReel.Hosting.Settings;

// Validators made by the options source generator from each settings class's data annotations,
// descending into nested settings ([ValidateObjectMembers]) and lists ([ValidateEnumeratedItems]).

[OptionsValidator]
internal sealed partial class AzureOpenAISettingsValidator : IValidateOptions<AzureOpenAIOptions>;

[OptionsValidator]
internal sealed partial class KlingSettingsValidator : IValidateOptions<KlingOptions>;

[OptionsValidator]
internal sealed partial class ViduSettingsValidator : IValidateOptions<ViduOptions>;

[OptionsValidator]
internal sealed partial class SeedanceSettingsValidator : IValidateOptions<SeedanceOptions>;

[OptionsValidator]
internal sealed partial class CogVideoXSettingsValidator : IValidateOptions<CogVideoXOptions>;

[OptionsValidator]
internal sealed partial class ComfyUISettingsValidator : IValidateOptions<ComfyUIOptions>;

[OptionsValidator]
internal sealed partial class PlannerSettingsValidator : IValidateOptions<PlannerOptions>;

[OptionsValidator]
internal sealed partial class JudgeSettingsValidator : IValidateOptions<JudgeOptions>;

[OptionsValidator]
internal sealed partial class SpeechSettingsValidator : IValidateOptions<SpeechOptions>;

[OptionsValidator]
internal sealed partial class EventsSettingsValidator : IValidateOptions<FilmEventsOptions>;
