using CloudReel.Core.Speech;
using CloudReel.Models.AzureOpenAI;
using CloudReel.Models.AzureSpeech;
using CloudReel.Models.Http;
using CloudReel.Models.OpenAISpeech;
using CloudReel.Models.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudReel.Models.Configuration;

/// <summary>
/// Registers Azure AI Speech and the OpenAI-compatible speech endpoint (configured or not, so `cloudreel voices` can list it and say what to set),
/// the catalog of every registered speech provider (espeak-ng comes with the media engine) and the line
/// maker, from the <c>Speech</c> section.
/// </summary>
public static class SpeechRegistration
{
    public static IServiceCollection AddSpeechServices(this IServiceCollection services, IConfiguration configuration)
    {
        var speech = configuration.GetSection("Speech").Get<SpeechOptions>() ?? new SpeechOptions();
        services.AddSingleton(speech);
        services.AddSingleton<ISpeechProvider>(sp => CreateAzure(speech.Azure, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ISpeechProvider>(sp => CreateOpenAI(speech.OpenAI, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new SpeechCatalog(sp.GetServices<ISpeechProvider>(), speech.Provider, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISpeechCatalog>(sp => sp.GetRequiredService<SpeechCatalog>());
        services.AddSingleton<ISpeechChoices>(sp => sp.GetRequiredService<SpeechCatalog>());
        services.AddSingleton<SpeechLineMaker>();
        services.AddSingleton<ShotSpeech>();
        return services;
    }

    /// <summary>The OpenAI-compatible speech provider with its Bearer key and resilience pipeline.</summary>
    public static OpenAISpeechProvider CreateOpenAI(OpenAISpeechOptions openAI, TimeProvider time, ILoggerFactory logging)
    {
        var http = new ProviderHttp(
            ServiceAuthHandler.CreateClient(openAI.ServiceUri, _ => ValueTask.FromResult(("Authorization", "Bearer " + openAI.Key))),
            new OpenAISpeechErrors(), openAI.Resilience, time, logging.CreateLogger("CloudReel.Models.openai-compatible"));
        return new OpenAISpeechProvider(openAI, http);
    }

    /// <summary>The Azure AI Speech provider with its credential and resilience pipeline.</summary>
    public static AzureSpeechProvider CreateAzure(AzureSpeechOptions azure, TimeProvider time, ILoggerFactory logging)
    {
        var credential = new AzureCredential("Ocp-Apim-Subscription-Key", azure.Key, azure.UseEntraId, azure.ManagedIdentityClientId, AzureSpeechOptions.Scope,
            azure.ResourceId is { } resource ? token => $"aad#{resource}#{token}" : null);
        var http = new ProviderHttp(ServiceAuthHandler.CreateClient(azure.ServiceUri, credential.HeaderAsync), new AzureSpeechErrors(), azure.Resilience, time,
            logging.CreateLogger("CloudReel.Models.azure-speech"));
        return new AzureSpeechProvider(azure, http);
    }
}
