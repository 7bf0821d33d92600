using CloudReel.Core.Speech;
using Microsoft.DurableTask;
using Microsoft.Extensions.Hosting;

namespace CloudReel.Core.Workflow.Activities;

/// <summary>
/// Speaks the film's narration and dialogue (<see cref="ShotSpeech"/>): a voice-over per speaking shot
/// in the clip store, with the captions its sentences give. At-least-once safe: lines are content-addressed,
/// so a repeated call reads them back and pays nothing.
/// </summary>
public sealed class SpeakFilmActivity(ShotSpeech speech, IHostApplicationLifetime host) : TaskActivity<SpeechJob, SpokenFilm>
{
    public override Task<SpokenFilm> RunAsync(TaskActivityContext context, SpeechJob input) => speech.SpeakAsync(input.Order, host.ApplicationStopping);
}
