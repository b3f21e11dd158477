package dev.assetsdeploy.deploy;

import com.google.gson.JsonObject;
import dev.assetsdeploy.config.WorkerSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PATCH .../scripts/NAME/script-settings}: the settings that are not part of a version, as wrangler 4.164's
 * {@code patchNonVersionedScriptSettings} sends them. After deploying a new version: {@code tail_consumers} and
 * {@code logpush} when the config has them, {@code observability} always (the config's, or {@code {"enabled":
 * false}}, which is how a config that drops it turns it off), and the tags. After a {@code PUT} or a version upload:
 * the tags alone, and only when they change.
 */
final class ScriptSettingsPatch {

    static final String SERVICE_TAG = "cf:service=";
    static final String ENVIRONMENT_TAG = "cf:environment=";

    private ScriptSettingsPatch() {}

    static JsonObject afterNewVersion(WorkerSettings settings, List<String> tags) {
        JsonObject body = new JsonObject();
        if (settings.tailConsumers() != null) {
            body.add("tail_consumers", settings.tailConsumers());
        }
        if (settings.logpush() != null) {
            body.addProperty("logpush", settings.logpush());
        }
        JsonObject observability = settings.observability();
        if (observability == null) {
            observability = new JsonObject();
            observability.addProperty("enabled", false);
        }
        body.add("observability", observability);
        body.add("tags", WorkerMetadata.strings(tags));
        return body;
    }

    static JsonObject tagsOnly(List<String> tags) {
        JsonObject body = new JsonObject();
        body.add("tags", WorkerMetadata.strings(tags));
        return body;
    }

    /**
     * wrangler's {@code applyServiceAndEnvironmentTags}: the live tags without their service and environment tags,
     * then the config's.
     */
    static List<String> nextTags(List<String> live, WorkerSettings.ServiceTags serviceTags) {
        List<String> tags = new ArrayList<>();
        for (String tag : live) {
            if (!tag.startsWith(SERVICE_TAG) && !tag.startsWith(ENVIRONMENT_TAG)) {
                tags.add(tag);
            }
        }
        if (serviceTags != null && serviceTags.service() != null) {
            tags.add(SERVICE_TAG + serviceTags.service());
            if (serviceTags.environment() != null) {
                tags.add(ENVIRONMENT_TAG + serviceTags.environment());
            }
        }
        return tags;
    }
}
