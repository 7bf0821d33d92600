using static CloudReel.Media.Drafts.DraftJson;

namespace CloudReel.Media.Drafts;

/// <summary>
/// draft_meta_info.json: how the editor's draft list shows the draft (its id, name and length). The
/// editor fills in the folder paths, timestamps and material index when it opens the draft.
/// </summary>
internal static class DraftMetaWriter
{
    public static string Write(DraftProject project, DraftFlavour flavour) => DraftJson.Write(json =>
    {
        json.WriteStartObject();
        if (flavour.IsCapCut)
        {
            json.WriteBoolean("cloud_draft_cover", false);
            json.WriteBoolean("cloud_draft_sync", false);
        }
        json.WriteString("cloud_package_completed_time", "");
        json.WriteString("draft_cloud_capcut_purchase_info", "");
        json.WriteBoolean("draft_cloud_last_action_download", false);
        EmptyArrays(json, "draft_cloud_materials");
        if (flavour.IsCapCut) json.WriteString("draft_cloud_package_type", "");
        foreach (var name in new[] { "draft_cloud_purchase_info", "draft_cloud_template_id", "draft_cloud_tutorial_info", "draft_cloud_videocut_purchase_info", "draft_cover", "draft_deeplink_url" })
        {
            json.WriteString(name, "");
        }
        json.WriteStartObject("draft_enterprise_info");
        json.WriteString("draft_enterprise_extra", "");
        json.WriteString("draft_enterprise_id", "");
        json.WriteString("draft_enterprise_name", "");
        EmptyArrays(json, "enterprise_material");
        json.WriteEndObject();
        json.WriteString("draft_fold_path", "");
        json.WriteString("draft_id", project.DraftId);
        if (flavour.IsCapCut) json.WriteBoolean("draft_is_ae_produce", false);
        json.WriteBoolean("draft_is_ai_packaging_used", false);
        json.WriteBoolean("draft_is_ai_shorts", false);
        json.WriteBoolean("draft_is_ai_translate", false);
        json.WriteBoolean("draft_is_article_video_draft", false);
        if (flavour.IsCapCut) json.WriteBoolean("draft_is_cloud_temp_draft", false);
        json.WriteString("draft_is_from_deeplink", "false");
        json.WriteBoolean("draft_is_invisible", false);
        json.WriteStartArray("draft_materials");
        foreach (var type in new[] { 0, 1, 2, 3, 6, 7, 8 })
        {
            json.WriteStartObject();
            json.WriteNumber("type", type);
            EmptyArrays(json, "value");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        EmptyArrays(json, "draft_materials_copied_info");
        json.WriteString("draft_name", project.Name);
        json.WriteString("draft_new_version", "");
        json.WriteString("draft_removable_storage_device", "");
        json.WriteString("draft_root_path", "");
        EmptyArrays(json, "draft_segment_extra_info");
        json.WriteString("draft_type", "");
        json.WriteString("tm_draft_cloud_completed", "");
        if (flavour.IsCapCut) json.WriteNumber("tm_draft_cloud_entry_id", 0);
        json.WriteNumber("tm_draft_cloud_modified", 0);
        json.WriteNumber("tm_draft_removed", 0);
        json.WriteNumber("tm_duration", project.DurationUs);
        json.WriteEndObject();
    });
}
