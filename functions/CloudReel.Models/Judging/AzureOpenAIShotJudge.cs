using System.Globalization;
using System.Text.Json;
using CloudReel.Core.Quality;
using CloudReel.Models.Chat;
using CloudReel.Models.Configuration;
using OpenAI.Chat;

namespace CloudReel.Models.Judging;

/// <summary>
/// Judges a clip with an Azure OpenAI vision chat deployment: the cast's reference pictures (each
/// with its character's fixed description), the look's pictures and style text, then frames sampled
/// from the clip go in one request; the deployment answers in <see cref="JudgeSchema"/>. A clip
/// passes when the judge says so with at least <see cref="JudgeOptions.MinScore"/>.
/// </summary>
public sealed class AzureOpenAIShotJudge(JudgeOptions options, AzureOpenAIOptions models, HttpClient? http = null) : IShotJudge, IDisposable
{
    private static readonly JsonSerializerOptions Reading = new(JsonSerializerDefaults.Web);
    private readonly AzureChatClient _client = new(options, models, http);

    public int FramesPerClip => options.Frames;

    public string Name => $"azure-openai ({_client.Deployment})";

    public void Dispose() => _client.Dispose();

    public async Task<JudgeVerdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Frames.Count == 0) throw new ArgumentException("The judge needs at least one frame of the clip.", nameof(request));
        var completion = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                JudgeSchema.Name, BinaryData.FromString(JudgeSchema.Create().ToJsonString()), "A verdict on one generated clip.", jsonSchemaIsStrict: true),
            Temperature = 0,
        };
        ChatMessage[] messages = [new SystemChatMessage(Instructions), new UserChatMessage(Content(request))];
        ChatCompletion answer = await _client.Chat.CompleteChatAsync(messages, completion, cancellationToken);
        if (answer.FinishReason != ChatFinishReason.Stop) throw new InvalidOperationException($"the judge stopped early ({answer.FinishReason})");
        var text = answer.Content.Count > 0 ? answer.Content[0].Text : throw new InvalidOperationException("the judge answered nothing");
        var verdict = JsonSerializer.Deserialize<JudgeAnswer>(text, Reading) ?? throw new InvalidOperationException("the judge's answer is empty");

        var score = Math.Clamp(verdict.Score, 0, 1);
        var pass = verdict.Pass && score >= options.MinScore;
        var reason = verdict.Reason.Trim();
        if (verdict.Pass && !pass) reason = $"score {score.ToString("0.##", CultureInfo.InvariantCulture)} is under {options.MinScore.ToString("0.##", CultureInfo.InvariantCulture)}: {reason}";
        return new JudgeVerdict(pass, score, reason) { Cost = Cost(answer.Usage) };
    }

    private const string Instructions =
        "You check one clip of an AI-generated film before it is used. You get the shot's description, the film's look, " +
        "reference pictures of each character in the shot with the character's fixed description, pictures of the look, " +
        "and frames sampled from the clip in order. Pass the clip only when the frames show what the shot describes, every " +
        "character looks like its references and description (face, hair, clothes, colours, build), and the frames keep the " +
        "film's look. Fail it for a different-looking character, a wrong style, garbled or distorted bodies or faces, or a " +
        "picture that does not show the shot. Score from 0 (nothing matches) to 1 (everything matches).";

    private static List<ChatMessageContentPart> Content(JudgeRequest request)
    {
        var parts = new List<ChatMessageContentPart> { ChatMessageContentPart.CreateTextPart($"Shot: {request.Prompt}") };
        if (request.Look.Trim().Length > 0) parts.Add(ChatMessageContentPart.CreateTextPart($"The film's look: {request.Look}"));
        foreach (var character in request.Cast)
        {
            parts.Add(ChatMessageContentPart.CreateTextPart($"Character '{character.Name}': {character.Description}" +
                (character.Pictures.Count > 0 ? $" Reference pictures of {character.Name} follow." : "")));
            parts.AddRange(character.Pictures.Select(Image));
        }
        if (request.LookPictures.Count > 0)
        {
            parts.Add(ChatMessageContentPart.CreateTextPart("Pictures of the film's look follow."));
            parts.AddRange(request.LookPictures.Select(Image));
        }
        parts.Add(ChatMessageContentPart.CreateTextPart($"{request.Frames.Count} frames sampled from the clip, in order, follow."));
        parts.AddRange(request.Frames.Select(Image));
        return parts;
    }

    private static ChatMessageContentPart Image(JudgedImage image) =>
        ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(image.Bytes), image.MediaType, ChatImageDetailLevel.Low);

    private decimal Cost(ChatTokenUsage? usage) => usage is null
        ? 0
        : (usage.InputTokenCount * options.PricePerMillionInputTokens + usage.OutputTokenCount * options.PricePerMillionOutputTokens) / 1_000_000m;
}
