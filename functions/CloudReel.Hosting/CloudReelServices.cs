using CloudReel.Api;
using CloudReel.Azure.Events;
using CloudReel.Core.Intake;
using CloudReel.Core.Ports;
using CloudReel.Core.Workflow;
using CloudReel.Hosting.Settings;
using CloudReel.Media;
using CloudReel.Models.Configuration;
using CloudReel.Models.Fetching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Hosting;

/// <summary>
/// The one composition of CloudReel, the same in both homes. A host adds what is its own — the clip
/// store, the job ledger, film budgets and model slots; the media engine; a <see cref="FilmIntakeOptions"/>
/// saying how it makes films — then calls <see cref="AddCloudReel"/> for everything else.
/// </summary>
public static class CloudReelServices
{
    /// <summary>
    /// Every setting checked at start (sections Models, Planner, Judge, Speech, Events, Api), the video
    /// models and voices, the planner, the vision judge, every activity of the workflow, film events and
    /// the intake with its guarded fetcher of reference-image URLs.
    /// </summary>
    public static IServiceCollection AddCloudReel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCloudReelSettings(configuration);
        services.AddModelCatalog(configuration);
        services.AddEspeakSpeech(configuration["Speech:Espeak:Path"]);
        services.AddFilmPlanning(configuration);
        services.AddShotJudge(configuration);
        services.AddFilmActivities();
        services.AddFilmEvents(configuration);
        services.AddSingleton<SafeImageFetcher>();
        services.AddSingleton<IReferenceImageFetcher>(sp => sp.GetRequiredService<SafeImageFetcher>());
        services.AddSingleton<FilmIntake>();
        services.AddApiOptions(configuration);
        return services;
    }

    /// <summary>Every activity the film workflow calls, created per call (as both engines do).</summary>
    public static IServiceCollection AddFilmActivities(this IServiceCollection services)
    {
        foreach (var type in FilmWorkflow.Activities) services.AddTransient(type);
        return services;
    }

    private static IServiceCollection AddCloudReelSettings(this IServiceCollection services, IConfiguration configuration) => services
        .AddSettings<AzureOpenAIOptions, AzureOpenAISettingsValidator>(configuration, "Models:AzureOpenAI")
        .AddSettings<KlingOptions, KlingSettingsValidator>(configuration, "Models:Kling")
        .AddSettings<ViduOptions, ViduSettingsValidator>(configuration, "Models:Vidu")
        .AddSettings<SeedanceOptions, SeedanceSettingsValidator>(configuration, "Models:Seedance")
        .AddSettings<CogVideoXOptions, CogVideoXSettingsValidator>(configuration, "Models:CogVideoX")
        .AddSettings<ComfyUIOptions, ComfyUISettingsValidator>(configuration, "Models:ComfyUI")
        .AddSettings<PlannerOptions, PlannerSettingsValidator>(configuration, "Planner")
        .AddSettings<JudgeOptions, JudgeSettingsValidator>(configuration, "Judge")
        .AddSettings<SpeechOptions, SpeechSettingsValidator>(configuration, "Speech")
        .AddSettings<FilmEventsOptions, EventsSettingsValidator>(configuration, "Events");
}
