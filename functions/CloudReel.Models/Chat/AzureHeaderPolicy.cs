using System.ClientModel.Primitives;
using CloudReel.Models.AzureOpenAI;

namespace CloudReel.Models.Chat;

/// <summary>
/// Puts Azure's credential on each chat request just before it leaves (an api-key header, or an
/// Entra ID bearer token), replacing the OpenAI client's own Authorization header.
/// </summary>
public sealed class AzureHeaderPolicy(AzureCredential credential) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessAsync(message, pipeline, currentIndex).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        var (name, value) = await credential.HeaderAsync(message.CancellationToken);
        message.Request.Headers.Remove("Authorization");
        message.Request.Headers.Set(name, value);
        await ProcessNextAsync(message, pipeline, currentIndex);
    }
}
