using CloudReel.Core.Batches;
using CloudReel.Core.Models;
using CloudReel.Core.Planning;
using CloudReel.Core.Ports;
using CloudReel.Core.Quality;
using CloudReel.Models.AzureOpenAI;
using CloudReel.Models.CogVideoX;
using CloudReel.Models.ComfyUI;
using CloudReel.Models.Http;
using CloudReel.Models.Judging;
using CloudReel.Models.Kling;
using CloudReel.Models.Planning;
using CloudReel.Models.Resilience;
using CloudReel.Models.Seedance;
using CloudReel.Models.Vidu;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudReel.Models.Configuration;

/// <summary>
/// Registers every video service adapter as an <see cref="IVideoModel"/> (configured or not, so
/// `cloudreel models` can list them and say what to set), from the <c>Models</c> section, and the
/// planner from the <c>Planner</c> section. Needs a <see cref="TimeProvider"/>, logging, an
/// <see cref="IClipStore"/> and an <see cref="IImageFitter"/> (the media engine's).
/// </summary>
public static class ModelRegistration
{
    public static IServiceCollection AddVideoServices(this IServiceCollection services, IConfiguration configuration)
    {
        var azure = Bind<AzureOpenAIOptions>(configuration, "Models:AzureOpenAI");
        var kling = Bind<KlingOptions>(configuration, "Models:Kling");
        var vidu = Bind<ViduOptions>(configuration, "Models:Vidu");
        var seedance = Bind<SeedanceOptions>(configuration, "Models:Seedance");
        var cogVideoX = Bind<CogVideoXOptions>(configuration, "Models:CogVideoX");
        var comfy = Bind<ComfyUIOptions>(configuration, "Models:ComfyUI");
        services.AddSingleton(azure);
        services.AddSingleton<ReferenceImages>();
        services.AddSingleton(sp => new AzureCredential(azure));

        services.AddSingleton<IVideoModel>(sp => new Sora2VideoModel(azure, Http(sp, "sora-2", AzureUri(azure), sp.GetRequiredService<AzureCredential>().HeaderAsync, new AzureErrors(), azure.Sora2.Resilience),
            sp.GetRequiredService<ReferenceImages>(), sp.GetRequiredService<IImageFitter>()));
        services.AddSingleton<IVideoModel>(sp => new Sora1VideoModel(azure, Http(sp, "sora-1", AzureUri(azure), sp.GetRequiredService<AzureCredential>().HeaderAsync, new AzureErrors(), azure.Sora1.Resilience),
            sp.GetRequiredService<ReferenceImages>()));
        services.AddSingleton<IVideoModel>(sp =>
        {
            var jwt = new KlingJwt(kling.AccessKey ?? "", kling.SecretKey ?? "", sp.GetRequiredService<TimeProvider>());
            var http = Http(sp, "kling", kling.ServiceUri(kling.DocumentedUrl), _ => ValueTask.FromResult(("Authorization", "Bearer " + jwt.Token)), new KlingErrors(), kling.Resilience);
            return new KlingVideoModel(kling, http, sp.GetRequiredService<ReferenceImages>());
        });
        services.AddSingleton<IVideoModel>(sp => new ViduVideoModel(vidu,
            Http(sp, "vidu", vidu.ServiceUri(vidu.DocumentedUrl), _ => ValueTask.FromResult(("Authorization", "Token " + vidu.ApiKey)), new ViduErrors(), vidu.Resilience),
            sp.GetRequiredService<ReferenceImages>()));
        services.AddSingleton<IVideoModel>(sp => new SeedanceVideoModel(seedance,
            Http(sp, "seedance", seedance.ServiceUri(seedance.DocumentedUrl), _ => ValueTask.FromResult(("Authorization", "Bearer " + seedance.ApiKey)), new SeedanceErrors(), seedance.Resilience),
            sp.GetRequiredService<ReferenceImages>()));
        services.AddSingleton<IVideoModel>(sp => new CogVideoXVideoModel(cogVideoX,
            Http(sp, "cogvideox", cogVideoX.ServiceUri(cogVideoX.DocumentedUrl), _ => ValueTask.FromResult(("Authorization", "Bearer " + cogVideoX.ApiKey)), new CogVideoXErrors(), cogVideoX.Resilience),
            sp.GetRequiredService<ReferenceImages>()));
        services.AddSingleton<IVideoModel>(sp => new ComfyUIVideoModel(comfy,
            Http(sp, "comfyui", comfy.ServiceUri(comfy.BaseUrl ?? "http://127.0.0.1:8188"), null, new ComfyErrors(), comfy.Resilience),
            sp.GetRequiredService<IClipStore>(), sp.GetRequiredService<ReferenceImages>()));
        return services;
    }

    /// <summary>
    /// Every video service and speech provider of this library, and the catalog of every model registered
    /// (with whatever the host adds, such as the animatic), by name.
    /// </summary>
    public static IServiceCollection AddModelCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVideoServices(configuration);
        services.AddSpeechServices(configuration);
        services.AddSingleton<IVideoModelCatalog>(sp => new VideoModelCatalog(sp.GetServices<IVideoModel>()));
        return services;
    }

    /// <summary>The shot planner (section Planner), checked by <see cref="FilmPlanner"/>, and the one <see cref="PlanPreview"/>.</summary>
    public static IServiceCollection AddFilmPlanning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddShotPlanner(configuration);
        services.AddSingleton<FilmPlanner>();
        services.AddSingleton<PlanPreview>();
        services.AddSingleton<IBatchExpander, TemplateBatchExpander>();
        services.AddSingleton<BatchEstimator>();
        return services;
    }

    /// <summary>The language-model planner when <c>Planner:Deployment</c> and an Azure OpenAI resource are set; the rules otherwise.</summary>
    public static IServiceCollection AddShotPlanner(this IServiceCollection services, IConfiguration configuration)
    {
        var planner = Bind<PlannerOptions>(configuration, "Planner");
        var azure = Bind<AzureOpenAIOptions>(configuration, "Models:AzureOpenAI");
        if (planner.IsOn(azure))
        {
            services.AddSingleton<IShotPlanner>(_ => new AzureOpenAIShotPlanner(planner, azure));
        }
        else
        {
            services.AddSingleton<IShotPlanner, RuleBasedShotPlanner>();
        }

        return services;
    }

    /// <summary>The vision judge when <c>Judge:Deployment</c> and an Azure OpenAI resource are set; none otherwise.</summary>
    public static IServiceCollection AddShotJudge(this IServiceCollection services, IConfiguration configuration)
    {
        var judge = Bind<JudgeOptions>(configuration, "Judge");
        var azure = Bind<AzureOpenAIOptions>(configuration, "Models:AzureOpenAI");
        if (judge.IsOn(azure)) services.AddSingleton<IShotJudge>(_ => new AzureOpenAIShotJudge(judge, azure));
        return services;
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new() => configuration.GetSection(section).Get<T>() ?? new T();

    private static Uri AzureUri(AzureOpenAIOptions azure) => new((azure.Endpoint ?? "https://example.openai.azure.com").TrimEnd('/') + "/");

    private static ProviderHttp Http(
        IServiceProvider services, string model, Uri service, Func<CancellationToken, ValueTask<(string Name, string Value)>>? credential, IProviderErrors errors, ResilienceOptions resilience) =>
        new(ServiceAuthHandler.CreateClient(service, credential), errors, resilience, services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("CloudReel.Models." + model));
}
