using System.Globalization;
using System.Text;
using System.Text.Json;
using CloudReel.Core.Models;
using CloudReel.Core.Orders;
using CloudReel.Core.Planning;
using CloudReel.Models.Chat;
using CloudReel.Models.Configuration;
using OpenAI.Chat;

namespace CloudReel.Models.Planning;

/// <summary>
/// Plans shots with an Azure OpenAI chat deployment through structured output (<see cref="PlanSchema"/>):
/// the model writes the shots and a cast of recurring characters with fixed looks, and
/// <see cref="LanguageModelPlan"/> turns that into an order. <see cref="FilmPlanner"/> checks it like
/// any order and falls back to the rules when it fails.
/// </summary>
public sealed class AzureOpenAIShotPlanner : IShotPlanner, IDisposable
{
    private static readonly JsonSerializerOptions Reading = new(JsonSerializerDefaults.Web);
    private readonly AzureChatClient _client;

    public AzureOpenAIShotPlanner(PlannerOptions options, AzureOpenAIOptions models, HttpClient? http = null) =>
        _client = new AzureChatClient(options, models, http);

    public string Deployment => _client.Deployment;

    public string Name => $"azure-openai ({Deployment})";

    public void Dispose() => _client.Dispose();

    public async Task<PlanResult> PlanAsync(FilmOrder order, string? scriptText, ModelCapabilities model, CancellationToken cancellationToken = default)
    {
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                PlanSchema.Name, BinaryData.FromString(PlanSchema.For(order.Languages).ToJsonString()), "A storyboard of shots for a short film.", jsonSchemaIsStrict: true),
            Temperature = 0.4f,
        };
        ChatMessage[] messages = [new SystemChatMessage(Instructions(order, model)), new UserChatMessage(Material(order, scriptText))];
        ChatCompletion answer = await _client.Chat.CompleteChatAsync(messages, options, cancellationToken);
        if (answer.FinishReason != ChatFinishReason.Stop) throw new InvalidOperationException($"the chat model stopped early ({answer.FinishReason})");
        var text = answer.Content.Count > 0 ? answer.Content[0].Text : throw new InvalidOperationException("the chat model answered nothing");
        var plan = JsonSerializer.Deserialize<LanguageModelPlan>(text, Reading) ?? throw new InvalidOperationException("the chat model's plan is empty");
        if (plan.Shots is not { Count: > 0 }) throw new InvalidOperationException("the chat model planned no shots");
        return plan.ToPlan(order, model, Name);
    }

    private static string Instructions(FilmOrder order, ModelCapabilities model)
    {
        var text = new StringBuilder()
            .AppendLine("You storyboard short films for an AI video model. Turn the material into shots, in order.")
            .AppendLine("Keep one consistent look across the film. List every character (person, animal, mascot) that appears in more than one shot under 'characters' with a fixed visual description, and name them in each shot they appear in; never describe them differently in a shot.")
            .AppendLine("A shot's prompt says what the camera sees: subject, action, setting, light. Do not mention camera moves, the visual style or the characters' looks: those are added separately.")
            .Append("Each shot lasts one of: ").Append(model.Durations).AppendLine(" seconds.")
            .Append("Prompts have at most ").Append(Math.Max(100, model.MaxPromptLength - 300).ToString(CultureInfo.InvariantCulture)).AppendLine(" characters.");
        if (order.TargetSeconds is { } target) text.Append("The film should run about ").Append(target.ToString("0", CultureInfo.InvariantCulture)).AppendLine(" seconds in all.");
        text.AppendLine(order.Languages.Count > 0
            ? $"Give every shot a caption in each of these languages: {string.Join(", ", order.Languages)}; at most two short lines, taken from the material where it has words for the shot."
            : "Give no captions.");
        return text.ToString();
    }

    private static string Material(FilmOrder order, string? scriptText)
    {
        var text = new StringBuilder().Append("Title: ").AppendLine(order.Title);
        if (order.Style.Length > 0) text.Append("Visual style (for context; do not repeat it in prompts): ").AppendLine(order.Style);
        if (order.Characters.Count > 0)
        {
            text.AppendLine("The cast (use these names under 'characters'; keep a given look word for word; where the look is only the name, write one from the material):");
            foreach (var character in order.Characters) text.Append("- ").Append(character.Name).Append(": ").AppendLine(character.Look);
        }
        text.AppendLine(scriptText is not null ? "Screenplay (Fountain):" : "Brief:");
        return text.AppendLine(scriptText ?? order.Brief).ToString();
    }
}
