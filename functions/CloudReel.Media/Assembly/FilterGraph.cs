namespace CloudReel.Media.Assembly;

/// <summary>An FFmpeg filtergraph with the input arguments it reads and the label of its output.</summary>
internal sealed record FilterGraph(IReadOnlyList<string> InputArguments, string Graph, string OutputLabel);
