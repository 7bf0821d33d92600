using static CloudReel.Media.Ffmpeg.FilterText;

namespace CloudReel.Media.Assembly;

/// <summary>
/// A filtergraph being written: the input arguments it reads, its chains, and fresh pad labels.
/// Inputs are numbered in the order they are added, as FFmpeg numbers them.
/// </summary>
internal sealed class GraphText
{
    private readonly List<string> _inputs = [];
    private readonly List<string> _chains = [];
    private int _inputCount;
    private int _labels;

    public IReadOnlyList<string> InputArguments => _inputs;

    public string Graph => string.Join(";", _chains);

    /// <summary>Adds an input (its options then <c>-i path</c>) and returns its index.</summary>
    public int AddInput(string path, params string[] options)
    {
        _inputs.AddRange(options);
        _inputs.AddRange(["-i", path]);
        return _inputCount++;
    }

    public static string Stream(int input, char kind) => $"{Number(input)}:{kind}:0";

    /// <summary>A label not used before, e.g. "x3".</summary>
    public string Label(string prefix) => prefix + Number(_labels++);

    /// <summary>Adds "[in][in2]filters[out]" and returns out.</summary>
    public string Chain(IEnumerable<string> inputs, string filters, string? output = null)
    {
        output ??= Label("g");
        _chains.Add(string.Concat(inputs.Select(i => $"[{i}]")) + filters + $"[{output}]");
        return output;
    }

    public string Chain(string input, string filters, string? output = null) => Chain([input], filters, output);

    /// <summary>Splits a stream into <paramref name="count"/> labelled copies (none needed for one).</summary>
    public IReadOnlyList<string> Split(string input, int count, bool audio = false)
    {
        if (count == 1) return [input];
        var outputs = Enumerable.Range(0, count).Select(_ => Label("s")).ToList();
        _chains.Add($"[{input}]{(audio ? "asplit" : "split")}={Number(count)}" + string.Concat(outputs.Select(o => $"[{o}]")));
        return outputs;
    }
}
