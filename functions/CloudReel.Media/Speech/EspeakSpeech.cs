using System.Globalization;
using System.Text;
using CloudReel.Core.Speech;
using CloudReel.Media.Ffmpeg;

namespace CloudReel.Media.Speech;

/// <summary>
/// espeak-ng as a speech provider: free, offline and deterministic, robotic, a preview voice like
/// the animatic is a preview model. The text goes in through a file and the WAV comes out to a file;
/// espeak-ng is started from an argument list, never through a shell. Its voices are the languages
/// <c>espeak-ng --voices</c> lists ('cmn', 'en-us', …); rate scales its words a minute, pitch moves
/// its 0–99 pitch by 4 a semitone.
/// </summary>
public sealed class EspeakSpeech(string? executable) : ISpeechProvider
{
    /// <summary>espeak-ng's normal pace; Chinese voices count syllables as words, so they go faster for a natural pace.</summary>
    private const int WordsPerMinute = 175;
    private const int CjkWordsPerMinute = 300;

    private static readonly Dictionary<string, string> Preferred = new(StringComparer.OrdinalIgnoreCase) { ["zh"] = "cmn", ["en"] = "en-us" };

    private readonly Lock _gate = new();
    private Task<SpeechProviderInfo>? _info;
    private string? _version;

    public string Name => SpeechProviders.Espeak;

    public string Version => _version ??= "espeak-ng " + (IsConfigured ? RunText(["--version"]).Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(3) ?? "?" : "?");

    public bool IsConfigured => executable is not null;

    public string? SetupHint => "install espeak-ng (infra/scripts/install-prereqs.sh, or apt-get install espeak-ng)";

    /// <summary>Finds espeak-ng through <c>ESPEAK_NG_PATH</c> or the PATH.</summary>
    public static EspeakSpeech Locate(Func<string, string?> environment) =>
        new(ExecutableSearch.Find("espeak-ng", environment("ESPEAK_NG_PATH"), environment("PATH")));

    /// <summary>The voices espeak-ng lists, read once per process.</summary>
    public Task<SpeechProviderInfo> DescribeAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return _info ??= DescribeOnceAsync();
    }

    private async Task<SpeechProviderInfo> DescribeOnceAsync() => Describe(IsConfigured ? await RunAsync(["--voices"], CancellationToken.None) : "");

    public async Task SynthesizeAsync(SpeechRequest request, Stream destination, CancellationToken cancellationToken = default)
    {
        if (executable is null) throw new InvalidOperationException("espeak-ng is not installed: " + SetupHint);
        using var scratch = ScratchDirectory.Create("espeak");
        var text = scratch.File("line.txt");
        var wav = scratch.File("line.wav");
        await File.WriteAllTextAsync(text, request.Text, new UTF8Encoding(false), cancellationToken);
        var exit = await ToolProcess.RunAsync(executable, Arguments(request, text, wav), _ => { }, null, cancellationToken);
        if (exit.ExitCode != 0 || !File.Exists(wav))
        {
            throw new InvalidOperationException($"espeak-ng failed with exit code {exit.ExitCode}: {string.Join(" / ", exit.StderrTail)}");
        }
        await using var audio = File.OpenRead(wav);
        await audio.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>The argument list: voice, pace, pitch, output file, then the text file (user text never becomes an argument).</summary>
    public static IReadOnlyList<string> Arguments(SpeechRequest request, string textFile, string wavFile)
    {
        var basePace = request.Voice is "cmn" or "yue" || request.Voice.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? CjkWordsPerMinute : WordsPerMinute;
        var pace = (int)Math.Clamp(Math.Round(basePace * request.Rate), 80, 600);
        var pitch = (int)Math.Clamp(Math.Round(50 + (request.Pitch * 4)), 0, 99);
        return ["-v", request.Voice, "-s", pace.ToString(CultureInfo.InvariantCulture), "-p", pitch.ToString(CultureInfo.InvariantCulture), "-w", wavFile, "-f", textFile];
    }

    /// <summary>Reads <c>espeak-ng --voices</c>: one voice a line, its language in the second column.</summary>
    public static SpeechProviderInfo Describe(string voicesListing)
    {
        var voices = new List<SpeechVoice>();
        foreach (var line in voicesListing.Split('\n').Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 2 || voices.Any(v => v.Name == columns[1])) continue;
            voices.Add(new SpeechVoice(columns[1], columns[1]));
        }
        var defaults = voices.ToDictionary(v => v.Name, v => v.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (language, voice) in Preferred.Where(p => voices.Any(v => v.Name == p.Value))) defaults[language] = voice;
        return new SpeechProviderInfo { Name = SpeechProviders.Espeak, Voices = voices, DefaultVoices = defaults, PricePerMillionCharacters = 0 };
    }

    private async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        await ToolProcess.RunAsync(executable!, arguments, line => output.Append(line).Append('\n'), null, cancellationToken);
        return output.ToString();
    }

    private string RunText(IReadOnlyList<string> arguments) => RunAsync(arguments, CancellationToken.None).GetAwaiter().GetResult();
}
