using System.Text.Json;
using static CloudReel.Media.Drafts.DraftJson;

namespace CloudReel.Media.Drafts;

/// <summary>
/// draft_content.json: the canvas, the materials (media, texts, speeds, transitions, fades) and the
/// tracks with their segments, in the field names and shapes of draft format 360000.
/// </summary>
internal static class DraftContentWriter
{
    private static readonly string[] OtherMaterials =
    [
        "ai_translates", "audio_balances", "audio_effects", "audio_track_indexes", "beats", "canvases", "chromas", "color_curves", "digital_humans",
        "drafts", "effects", "flowers", "green_screens", "handwrites", "hsl", "images", "log_color_wheels", "loudnesses", "manual_deformations", "masks",
        "material_animations", "material_colors", "multi_language_refs", "placeholders", "plugin_effects", "primary_color_wheels", "realtime_denoises",
        "shapes", "smart_crops", "smart_relights", "sound_channel_mappings", "stickers", "tail_leaders", "text_templates", "time_marks",
        "video_effects", "video_trackings", "vocal_beautifys", "vocal_separations",
    ];

    public static string Write(DraftProject project, DraftFlavour flavour) => DraftJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("canvas_config");
        if (flavour.IsCapCut) json.WriteNull("background");
        json.WriteNumber("height", project.Height);
        json.WriteString("ratio", "original");
        json.WriteNumber("width", project.Width);
        json.WriteEndObject();
        json.WriteNumber("color_space", 0);
        Config(json, flavour);
        json.WriteNull("cover");
        json.WriteNumber("create_time", 0);
        json.WriteNumber("duration", project.DurationUs);
        json.WriteNull("extra_info");
        json.WriteNumber("fps", (double)project.Fps);
        json.WriteBoolean("free_render_index_mode_on", false);
        json.WriteNull("group_container");
        json.WriteString("id", project.DraftId);
        if (flavour.IsCapCut) json.WriteBoolean("is_drop_frame_timecode", false);
        EmptyArrays(json, "keyframe_graph_list");
        json.WriteStartObject("keyframes");
        EmptyArrays(json, "adjusts", "audios", "effects", "filters", "handwrites", "stickers", "texts", "videos");
        json.WriteEndObject();
        Platform(json, "last_modified_platform", flavour);
        Materials(json, project, flavour);
        json.WriteNull("mutable_config");
        json.WriteString("name", "");
        json.WriteString("new_version", flavour.NewVersion);
        if (flavour.IsCapCut) json.WriteString("path", "");
        Platform(json, "platform", flavour);
        EmptyArrays(json, "relationships");
        json.WriteBoolean("render_index_track_mode_on", false);
        json.WriteNull("retouch_cover");
        json.WriteString("source", "default");
        json.WriteString("static_cover_image_path", "");
        json.WriteNull("time_marks");
        json.WriteStartArray("tracks");
        foreach (var track in project.Tracks) Track(json, track);
        json.WriteEndArray();
        json.WriteNumber("update_time", 0);
        json.WriteNumber("version", DraftFlavour.FormatVersion);
        json.WriteEndObject();
    });

    private static void Config(Utf8JsonWriter json, DraftFlavour flavour)
    {
        json.WriteStartObject("config");
        json.WriteNumber("adjust_max_index", 1);
        EmptyArrays(json, "attachment_info");
        json.WriteNumber("combination_max_index", 1);
        json.WriteNull("export_range");
        json.WriteNumber("extract_audio_last_index", 1);
        json.WriteString("lyrics_recognition_id", "");
        json.WriteBoolean("lyrics_sync", true);
        EmptyArrays(json, "lyrics_taskinfo");
        json.WriteBoolean("maintrack_adsorb", true);
        json.WriteNumber("material_save_mode", 0);
        json.WriteString("multi_language_current", "none");
        EmptyArrays(json, "multi_language_list");
        json.WriteString("multi_language_main", "none");
        json.WriteString("multi_language_mode", "none");
        json.WriteNumber("original_sound_last_index", 1);
        json.WriteNumber("record_audio_last_index", 1);
        json.WriteNumber("sticker_max_index", 1);
        json.WriteNull("subtitle_keywords_config");
        json.WriteString("subtitle_recognition_id", "");
        json.WriteBoolean("subtitle_sync", true);
        EmptyArrays(json, "subtitle_taskinfo", "system_font_list");
        if (flavour.IsCapCut) json.WriteBoolean("use_float_render", false);
        json.WriteBoolean("video_mute", false);
        json.WriteNull("zoom_info_params");
        json.WriteEndObject();
    }

    private static void Materials(Utf8JsonWriter json, DraftProject project, DraftFlavour flavour)
    {
        json.WriteStartObject("materials");
        json.WriteStartArray("audio_fades");
        foreach (var fade in project.Fades)
        {
            json.WriteStartObject();
            json.WriteNumber("fade_in_duration", fade.FadeIn);
            json.WriteNumber("fade_out_duration", fade.FadeOut);
            json.WriteNumber("fade_type", 0);
            json.WriteString("id", fade.Id);
            json.WriteString("type", "audio_fade");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("audios");
        foreach (var audio in project.Media.Where(m => m.Kind == DraftMediaKind.Audio)) Audio(json, audio);
        json.WriteEndArray();
        json.WriteStartArray("speeds");
        foreach (var speed in project.Speeds)
        {
            json.WriteStartObject();
            json.WriteNull("curve_speed");
            json.WriteString("id", speed);
            json.WriteNumber("mode", 0);
            json.WriteNumber("speed", 1.0);
            json.WriteString("type", "speed");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("texts");
        foreach (var text in project.Texts) DraftTextWriter.Write(json, text);
        json.WriteEndArray();
        json.WriteStartArray("transitions");
        foreach (var transition in project.Transitions)
        {
            var (name, resource, effect, overlap) = flavour.Transition(transition.Kind);
            json.WriteStartObject();
            json.WriteString("category_id", "");
            json.WriteString("category_name", "");
            json.WriteNumber("duration", transition.Duration);
            json.WriteString("effect_id", effect);
            json.WriteString("id", transition.Id);
            json.WriteBoolean("is_overlap", overlap);
            json.WriteString("name", name);
            json.WriteString("platform", "all");
            json.WriteString("resource_id", resource);
            json.WriteString("type", "transition");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("videos");
        foreach (var video in project.Media.Where(m => m.Kind == DraftMediaKind.Video)) Video(json, video);
        json.WriteEndArray();
        EmptyArrays(json, OtherMaterials);
        json.WriteEndObject();
    }

    private static void Video(Utf8JsonWriter json, DraftMedia video)
    {
        json.WriteStartObject();
        json.WriteNull("audio_fade");
        json.WriteString("category_id", "");
        json.WriteString("category_name", "local");
        json.WriteNumber("check_flag", 63487);
        json.WriteStartObject("crop");
        foreach (var (name, value) in new[] { ("lower_left_x", 0.0), ("lower_left_y", 1.0), ("lower_right_x", 1.0), ("lower_right_y", 1.0), ("upper_left_x", 0.0), ("upper_left_y", 0.0), ("upper_right_x", 1.0), ("upper_right_y", 0.0) })
        {
            json.WriteNumber(name, value);
        }
        json.WriteEndObject();
        json.WriteString("crop_ratio", "free");
        json.WriteNumber("crop_scale", 1.0);
        json.WriteNumber("duration", video.DurationUs);
        json.WriteBoolean("has_audio", video.HasAudio);
        json.WriteNumber("height", video.Height);
        json.WriteString("id", video.Id);
        json.WriteString("local_material_id", "");
        json.WriteString("material_id", video.Id);
        json.WriteString("material_name", video.FileName);
        json.WriteString("media_path", "");
        json.WriteString("path", DraftProject.MaterialPath(video.FileName));
        json.WriteString("type", "video");
        json.WriteNumber("width", video.Width);
        json.WriteEndObject();
    }

    private static void Audio(Utf8JsonWriter json, DraftMedia audio)
    {
        json.WriteStartObject();
        json.WriteNumber("app_id", 0);
        json.WriteString("category_id", "");
        json.WriteString("category_name", "local");
        json.WriteNumber("check_flag", 3);
        json.WriteString("copyright_limit_type", "none");
        json.WriteNumber("duration", audio.DurationUs);
        json.WriteString("effect_id", "");
        json.WriteString("formula_id", "");
        json.WriteString("id", audio.Id);
        json.WriteString("local_material_id", audio.Id);
        json.WriteString("music_id", audio.Id);
        json.WriteString("name", audio.FileName);
        json.WriteString("path", DraftProject.MaterialPath(audio.FileName));
        json.WriteNumber("source_platform", 0);
        json.WriteString("type", "extract_music");
        EmptyArrays(json, "wave_points");
        json.WriteEndObject();
    }

    private static void Track(Utf8JsonWriter json, DraftTrack track)
    {
        json.WriteStartObject();
        json.WriteNumber("attribute", 0);
        json.WriteNumber("flag", 0);
        json.WriteString("id", track.Id);
        json.WriteBoolean("is_default_name", track.Name.Length == 0);
        json.WriteString("name", track.Name);
        json.WriteStartArray("segments");
        foreach (var segment in track.Segments) Segment(json, segment, track);
        json.WriteEndArray();
        json.WriteString("type", track.Type);
        json.WriteEndObject();
    }

    private static void Segment(Utf8JsonWriter json, DraftSegment segment, DraftTrack track)
    {
        json.WriteStartObject();
        json.WriteBoolean("enable_adjust", true);
        json.WriteBoolean("enable_color_correct_adjust", false);
        json.WriteBoolean("enable_color_curves", true);
        json.WriteBoolean("enable_color_match_adjust", false);
        json.WriteBoolean("enable_color_wheels", true);
        json.WriteBoolean("enable_lut", true);
        json.WriteBoolean("enable_smart_color_adjust", false);
        json.WriteNumber("last_nonzero_volume", 1.0);
        json.WriteBoolean("reverse", false);
        json.WriteNumber("track_attribute", 0);
        json.WriteNumber("track_render_index", 0);
        json.WriteBoolean("visible", true);
        json.WriteString("id", segment.Id);
        json.WriteString("material_id", segment.MaterialId);
        TimeRange(json, "target_timerange", segment.Start, segment.Duration);
        EmptyArrays(json, "common_keyframes", "keyframe_refs");
        if (segment.SourceStart is { } sourceStart) TimeRange(json, "source_timerange", sourceStart, segment.Duration);
        else json.WriteNull("source_timerange");
        json.WriteNumber("speed", 1.0);
        json.WriteNumber("volume", segment.Volume);
        json.WriteStartArray("extra_material_refs");
        foreach (var reference in segment.ExtraRefs) json.WriteStringValue(reference);
        json.WriteEndArray();
        json.WriteBoolean("is_tone_modify", false);
        if (track.Type == "audio")
        {
            json.WriteNull("clip");
            json.WriteNull("hdr_settings");
        }
        else
        {
            Clip(json, segment.TextY ?? 0);
            json.WriteStartObject("uniform_scale");
            json.WriteBoolean("on", true);
            json.WriteNumber("value", 1.0);
            json.WriteEndObject();
            if (track.Type == "video")
            {
                json.WriteStartObject("hdr_settings");
                json.WriteNumber("intensity", 1.0);
                json.WriteNumber("mode", 1);
                json.WriteNumber("nits", 1000);
                json.WriteEndObject();
            }
        }
        json.WriteNumber("render_index", track.RenderIndex);
        json.WriteEndObject();
    }

    private static void Clip(Utf8JsonWriter json, double y)
    {
        json.WriteStartObject("clip");
        json.WriteNumber("alpha", 1.0);
        json.WriteStartObject("flip");
        json.WriteBoolean("horizontal", false);
        json.WriteBoolean("vertical", false);
        json.WriteEndObject();
        json.WriteNumber("rotation", 0.0);
        json.WriteStartObject("scale");
        json.WriteNumber("x", 1.0);
        json.WriteNumber("y", 1.0);
        json.WriteEndObject();
        json.WriteStartObject("transform");
        json.WriteNumber("x", 0.0);
        json.WriteNumber("y", y);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
