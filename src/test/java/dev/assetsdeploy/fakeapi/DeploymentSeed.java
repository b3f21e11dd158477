package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** How a seeded deployment looks: its versions (required) and, optionally, the rest. */
public final class DeploymentSeed {

    final List<Deployment.Share> versions = new ArrayList<>();
    String id;
    String message;
    String triggeredBy = "upload";
    JsonObject annotations;
    String createdOn;
    String source = "wrangler";

    DeploymentSeed() {}

    /** A version of the Worker and its share of the traffic. */
    public DeploymentSeed version(String versionId, double percentage) {
        versions.add(new Deployment.Share(versionId, percentage));
        return this;
    }

    /** The deployment id (the next counted id unless set). */
    public DeploymentSeed id(String id) {
        this.id = id;
        return this;
    }

    /** {@code workers/message}. */
    public DeploymentSeed message(String message) {
        this.message = message;
        return this;
    }

    /** {@code workers/triggered_by} ({@code upload} unless set). */
    public DeploymentSeed triggeredBy(String triggeredBy) {
        this.triggeredBy = triggeredBy;
        return this;
    }

    /** The annotations exactly. */
    public DeploymentSeed annotations(JsonObject annotations) {
        this.annotations = annotations.deepCopy();
        return this;
    }

    /** {@code created_on} (the clock's next minute unless set). */
    public DeploymentSeed createdOn(String createdOn) {
        this.createdOn = createdOn;
        return this;
    }

    public DeploymentSeed source(String source) {
        this.source = source;
        return this;
    }

    Deployment build(Worker worker, WorkersState state) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a seeded deployment of " + worker.name + " needs a version");
        }
        for (Deployment.Share share : versions) {
            if (worker.version(share.versionId()) == null) {
                throw new IllegalArgumentException(
                        "Worker " + worker.name + " has no version " + share.versionId() + " to deploy: seed it first");
            }
        }
        JsonObject notes = annotations;
        if (notes == null) {
            notes = new JsonObject();
            notes.addProperty("workers/triggered_by", triggeredBy);
            if (message != null) {
                notes.addProperty("workers/message", message);
            }
        }
        return new Deployment(
                id != null ? id : state.nextId("deployment"),
                createdOn != null ? createdOn : state.tick(),
                source,
                "percentage",
                versions,
                notes);
    }
}
