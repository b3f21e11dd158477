package dev.assetsdeploy.deploy;

import com.google.gson.JsonObject;
import dev.assetsdeploy.api.ApiPath;
import dev.assetsdeploy.api.ApiPaths;
import java.util.List;

/**
 * A Worker upload ready to send: where it goes, which request carries it, its metadata, its module parts (none for an
 * assets-only Worker).
 */
public record WorkerUpload(DeployTarget target, UploadKind kind, JsonObject metadata, List<WorkerModule> modules) {

    public WorkerUpload {
        metadata = metadata.deepCopy();
        modules = List.copyOf(modules);
    }

    /** A copy: the record stays immutable. */
    @Override
    public JsonObject metadata() {
        return metadata.deepCopy();
    }

    public String method() {
        return kind == UploadKind.SCRIPT ? "PUT" : "POST";
    }

    /** The request's path (with its query) among the account's {@code paths}. */
    public ApiPath path(ApiPaths paths) {
        return kind == UploadKind.SCRIPT
                ? paths.workerScript(target.dispatchNamespace(), target.scriptName())
                : paths.workerVersions(target.scriptName());
    }
}
