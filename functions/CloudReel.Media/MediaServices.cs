using CloudReel.Core.Ports;
using CloudReel.Core.Quality;
using CloudReel.Core.Speech;
using CloudReel.Core.Workflow;
using CloudReel.Media.Assembly;
using CloudReel.Media.Assembly.Reuse;
using CloudReel.Media.Ffmpeg;
using CloudReel.Media.Fonts;
using CloudReel.Media.Images;
using CloudReel.Media.Probing;
using CloudReel.Media.Quality;
using CloudReel.Media.Scratch;
using CloudReel.Media.Speech;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudReel.Media;

/// <summary>FFmpeg behind the media ports, for every host that makes films (the CLI and the assembler container).</summary>
public static class MediaServices
{
    /// <summary>
    /// The FFmpeg media engine with its settings (section "Assembly", checked when the host starts: a value
    /// out of range stops it naming the value), the normalised-clip and render caches (in the clip store),
    /// the image fitter, the clip checks and frame grabs, scratch folders under <paramref name="scratchRoot"/>
    /// and the assembly job runner. Needs an <see cref="IClipStore"/> and logging.
    /// </summary>
    public static IServiceCollection AddFfmpegMediaEngine(this IServiceCollection services, IConfiguration configuration, string? scratchRoot = null)
    {
        services.AddOptions<AssemblyOptions>().Bind(configuration.GetSection(AssemblyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AssemblyOptions>>().Value);
        return services.AddFfmpegTools(scratchRoot);
    }

    private static IServiceCollection AddFfmpegTools(this IServiceCollection services, string? scratchRoot)
    {
        services.AddSingleton(_ => FfmpegTools.Locate());
        services.AddSingleton<FfmpegRunner>();
        services.AddSingleton<FontLocator>();
        services.AddSingleton<FfprobeClipProber>();
        services.AddSingleton<IImageFitter, FfmpegImageFitter>();
        services.AddSingleton(sp => new RenderCache(sp.GetRequiredService<IClipStore>()));
        services.AddSingleton<INormalisedClipCache>(sp => sp.GetRequiredService<RenderCache>());
        services.AddSingleton<IMediaEngine>(sp => ActivatorUtilities.CreateInstance<FfmpegMediaEngine>(sp));
        services.AddSingleton<IClipChecker, FfmpegClipChecker>();
        services.AddSingleton<IClipFrames, FfmpegClipFrames>();
        services.AddSingleton<IMediaFileProbe, FfmpegMediaFileProbe>();
        services.AddSingleton<IScratchSpace>(new LocalScratchSpace(scratchRoot));
        services.AddTransient<AssemblyJobRunner>();
        return services;
    }

    /// <summary>
    /// espeak-ng, the free offline voice, as a speech provider: at <paramref name="executable"/> when given
    /// (setting Speech:Espeak:Path), else ESPEAK_NG_PATH or the PATH.
    /// </summary>
    public static IServiceCollection AddEspeakSpeech(this IServiceCollection services, string? executable)
    {
        services.AddSingleton<ISpeechProvider>(_ => EspeakSpeech.Locate(name =>
            name == "ESPEAK_NG_PATH" ? executable ?? Environment.GetEnvironmentVariable(name) : Environment.GetEnvironmentVariable(name)));
        return services;
    }
}
