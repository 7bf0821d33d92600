using System.CommandLine;
using System.Globalization;
using CloudReel.Cli.Hosting;
using CloudReel.Core.Speech;
using Microsoft.Extensions.DependencyInjection;

namespace CloudReel.Cli.Commands;

/// <summary>
/// `cloudreel voices`: every speech provider, configured or not, and its voices by language, with the
/// default voice per language, the price and, for providers that are not configured, what to set.
/// Never prints a key.
/// </summary>
public static class VoicesCommand
{
    public static Command Create(GlobalOptions global)
    {
        var language = new Option<string?>("--language") { Description = "Only voices of this language (e.g. zh, zh-CN, en)." };
        var command = new Command("voices", "List the voices of every speech provider by language, configured or not.") { language };
        command.SetAction((parse, cancellationToken) => RunAsync(global.Resolve(parse), parse.GetValue(language), Console.Out, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string? language, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var loggerFactory = context.CreateLoggerFactory();
        await using var services = EngineHost.BuildServices(context.Home, CliConfiguration.Build(context.Home), Path.GetTempPath(), loggerFactory, new Progress.ProgressRelay());
        var catalog = services.GetRequiredService<ISpeechCatalog>();
        string[] header = ["provider", "configured", "language", "voices", "price"];
        var rows = new List<string[]>();
        var hints = new List<string>();
        foreach (var provider in catalog.All)
        {
            if (!provider.IsConfigured)
            {
                rows.Add([provider.Name, "no", "", "", ""]);
                hints.Add($"  {provider.Name}: {provider.SetupHint ?? "it is not configured"}");
                continue;
            }
            var info = await provider.DescribeAsync(cancellationToken);
            var price = info.PricePerMillionCharacters == 0 ? "free" : info.PricePerMillionCharacters.ToString("0.##", CultureInfo.InvariantCulture) + $" {info.Currency}/1M chars";
            var byLanguage = info.Voices.Where(v => Matches(v.Locale, language)).GroupBy(v => v.Locale, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in byLanguage)
            {
                var fallback = info.DefaultVoiceFor(group.Key);
                var voices = group.Select(v => v.Name + (v.Name == fallback ? " (default)" : "") + (v.Styles.Count > 0 ? $" [{string.Join(", ", v.Styles)}]" : ""));
                rows.Add([provider.Name + (provider.Name == catalog.DefaultProvider ? " *" : ""), "yes", group.Key, string.Join(", ", voices), price]);
            }
        }

        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        await stdout.WriteLineAsync(Line(header, widths));
        foreach (var row in rows) await stdout.WriteLineAsync(Line(row, widths));
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"* speaks orders without 'voice.provider' ({catalog.DefaultProvider}).");
        if (hints.Count > 0)
        {
            await stdout.WriteLineAsync("To use a provider that is not configured (appsettings.json, or CLOUDREEL__ environment variables; see the README):");
            foreach (var hint in hints) await stdout.WriteLineAsync(hint);
        }

        return ExitCodes.Success;
    }

    private static bool Matches(string locale, string? language) =>
        language is null || locale.Equals(language, StringComparison.OrdinalIgnoreCase)
        || locale.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase)
        || (language.Split('-')[0].Equals("zh", StringComparison.OrdinalIgnoreCase) && locale is "cmn" or "yue");

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
