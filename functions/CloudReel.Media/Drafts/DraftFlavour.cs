using CloudReel.Core.Orders;

namespace CloudReel.Media.Drafts;

/// <summary>
/// What differs between a Jianying (剪映专业版) and a CapCut draft of the same film. Both follow the
/// unencrypted draft format version 360000 that the open-source pyJianYingDraft and pyCapCut describe
/// (Jianying 5.9 and CapCut 6.7 stamps); later versions still open such drafts (and then save them
/// in their own format). Transitions are the editors' own built-in ones, named by resource id;
/// Jianying and CapCut share those ids but number the effects differently.
/// </summary>
/// <param name="Name">"jianying" or "capcut": the zip's suffix.</param>
/// <param name="AppId">The platform's app id.</param>
/// <param name="AppSource">"lv" (Jianying) or "cc" (CapCut).</param>
/// <param name="AppVersion">The app version the draft says it was written by.</param>
/// <param name="NewVersion">The draft's "new_version".</param>
/// <param name="ContentFiles">The draft file names the content is written to.</param>
internal sealed record DraftFlavour(string Name, int AppId, string AppSource, string AppVersion, string NewVersion, IReadOnlyList<string> ContentFiles)
{
    public const int FormatVersion = 360000;

    /// <summary>Where a draft's media sit: the app resolves this to the draft's own folder.</summary>
    public const string DraftFolderToken = "##_draftpath_placeholder_0E685133-18CE-45ED-8CB8-2904A212EC80_##";

    public static readonly DraftFlavour Jianying = new("jianying", 3704, "lv", "5.9.0", "110.0.0", ["draft_content.json"]);

    // CapCut for Mac reads draft_info.json; Windows draft_content.json. The folder carries both.
    public static readonly DraftFlavour CapCut = new("capcut", 359289, "cc", "6.7.0", "140.0.0", ["draft_content.json", "draft_info.json"]);

    public bool IsCapCut => AppSource == "cc";

    /// <summary>The editor's own transition closest to CloudReel's: its name, resource id, effect id and whether the clips overlap.</summary>
    public (string Name, string ResourceId, string EffectId, bool Overlap) Transition(TransitionKind kind)
    {
        var (name, resource, jianyingEffect, overlap) = kind switch
        {
            TransitionKind.FadeBlack => ("闪黑", "6724239388189921806", "321493", false),
            TransitionKind.FadeWhite => ("闪白", "6724845376098013708", "322575", false),
            TransitionKind.WipeLeft => ("向左擦除", "6724849999336706573", "2917283", true),
            TransitionKind.WipeRight => ("向右擦除", "6724849898857959950", "2917284", true),
            TransitionKind.WipeUp => ("向上擦除", "6724849456891564557", "2917281", true),
            TransitionKind.WipeDown => ("向下擦除", "6724849752921346573", "2917282", true),
            TransitionKind.SlideLeft => ("左移", "6726711499676455435", "2917286", true),
            TransitionKind.SlideRight => ("右移", "6726711296063967748", "2917287", true),
            TransitionKind.SlideUp => ("上移", "6724846395116753416", "2917279", true),
            TransitionKind.SlideDown => ("下移", "6724849276100284942", "2917280", true),
            TransitionKind.CircleOpen or TransitionKind.CircleClose => ("圆形遮罩", "6725767129519362573", "2916676", true),
            TransitionKind.Radial => ("圆形扫描", "6851775006418932238", "813992", true),
            TransitionKind.ZoomIn => ("推近", "6724226861666144779", "359359", false),
            _ => ("叠化", "6724845717472416269", "322577", true),
        };
        return (name, resource, IsCapCut ? resource : jianyingEffect, overlap);
    }
}
