package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.fakeapi.ControlPlaneRequest;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.fakeapi.FormPart;
import dev.assetsdeploy.recorded.RecordedExchange;
import dev.assetsdeploy.recorded.RecordedPart;
import dev.assetsdeploy.recorded.Recording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs assets-deploy on a recorded wrangler scenario, against the fake API in the recorded state, with the command that
 * does what the recorded one did: {@code wrangler deploy} is {@code all} (or {@code deploy --keep-assets} for a
 * Worker without assets, which assets-deploy does not deploy otherwise), {@code wrangler versions upload} adds
 * {@code --version-only}; {@code --env}, {@code --dispatch-namespace}, {@code --message} and {@code --dry-run} carry
 * over, and wrangler's additional module {@code lib/x.mjs} is a {@code --module}.
 *
 * <p>{@link #expected} declares what every scenario differs in, each with its reason.
 */
final class BindingsParity implements AutoCloseable {

    final Recording recording;
    final FakeCloudflareApi api;
    final CliRun result;
    final Path project;

    private BindingsParity(Recording recording, FakeCloudflareApi api, CliRun result, Path project) {
        this.recording = recording;
        this.api = api;
        this.result = result;
        this.project = project;
    }

    static BindingsParity run(String name, Path dir, String... extra) {
        Recording recording = Recording.load(name);
        FakeCloudflareApi api = recording.startFake();
        Path project;
        try {
            project = recording.writeProject(Files.createDirectories(dir.resolve(name)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> args = ourArgs(recording, project);
        args.addAll(List.of(extra));
        Map<String, String> env = Map.of(
                "CLOUDFLARE_API_TOKEN", api.settings.apiToken,
                "CLOUDFLARE_ACCOUNT_ID", api.settings.accountId,
                "CLOUDFLARE_API_BASE_URL", api.baseUrl());
        return new BindingsParity(recording, api, CliRun.execute(env, args.toArray(String[]::new)), project);
    }

    static List<String> ourArgs(Recording recording, Path project) {
        List<String> wrangler = recording.wranglerArgs();
        boolean assets = recording.config().has("assets");
        List<String> args = new ArrayList<>(assets ? List.of("all") : List.of("deploy", "--keep-assets"));
        if (wrangler.get(0).equals("versions")) {
            args.add("--version-only");
        }
        for (int i = 0; i < wrangler.size(); i++) {
            String arg = wrangler.get(i);
            if (List.of("--env", "--dispatch-namespace", "--message").contains(arg)) {
                args.add(arg);
                args.add(wrangler.get(++i));
            } else if (arg.equals("--dry-run")) {
                args.add(arg);
            }
        }
        args.addAll(List.of("--config", project.resolve("wrangler.json").toString(), "--quiet"));
        if (Files.isRegularFile(project.resolve("dist/lib/x.mjs")) && uploadsPart(recording, "lib/x.mjs")) {
            args.addAll(List.of("--module", project.resolve("dist/lib/x.mjs").toString()));
        }
        return args;
    }

    private static boolean uploadsPart(Recording recording, String part) {
        return recording.requests().stream()
                .filter(r -> r.parts() != null)
                .anyMatch(r -> r.parts().stream().anyMatch(p -> p.name().equals(part)));
    }

    /**
     * The recording with what every scenario differs in: the registration of a workflow this Worker defines is not
     * ours (the triggers phase is, issue 10); we open the assets upload
     * session after reading the live Worker and looking resources up (wrangler opens it before), so that a problem
     * stops the deploy before any file is sent; and a Worker without assets keeps none, so its upload is compared
     * without {@code assets} and {@code keep_assets} ({@link #assertSameUploadWithoutAssets}).
     */
    Recording expected() {
        Recording expected = recording;
        List<String> triggers = new ArrayList<>();
        for (RecordedExchange r : recording.requests()) {
            String line = r.method() + " " + r.path();
            if (isTriggersPhase(r.path()) && !triggers.contains(line)) {
                triggers.add(line);
            }
        }
        for (String trigger : triggers) {
            expected = expected.skipping(
                    trigger,
                    "a workflow this Worker defines is registered after the upload, which assets-deploy"
                            + " refuses (--allow-unsupported workflows)");
        }
        for (RecordedExchange r : recording.requests()) {
            if (r.path().endsWith("/assets-upload-session")) {
                expected = expected.inAnyOrder(
                        "we read the live Worker and look its resources up before uploading any asset", r.line());
                break;
            }
        }
        RecordedExchange upload = recording.requests().stream()
                .filter(r -> r.parts() != null)
                .findFirst()
                .orElse(null);
        if (!recording.config().has("assets") && upload != null) {
            String line = upload.line();
            expected = expected.skipping(line, "a Worker without assets: its upload is compared apart")
                    .ignoringOurs(line, "a Worker without assets: its upload is compared apart");
        }
        return expected;
    }

    /** What wrangler's triggers phase does after the upload and assets-deploy does not: a workflow's registration. */
    private static boolean isTriggersPhase(String path) {
        return path.contains("/workflows/");
    }

    @Override
    public void close() {
        api.close();
    }

    /**
     * What we printed on stderr, the config file named {@code wrangler.json} (it is in a temporary folder), without the
     * warnings about the keys of the triggers phase (issue 10) that the recordings set ({@code workers_dev},
     * {@code preview_urls}).
     */
    String err() {
        String file = Path.of("").toAbsolutePath().relativize(project.resolve("wrangler.json")) + ": ";
        return result.err()
                .replace(file, "wrangler.json: ")
                .lines()
                .filter(l -> !l.contains(": workers_dev is a wrangler setting") && !l.contains(": preview_urls is a"))
                .map(l -> l + "\n")
                .reduce("", String::concat);
    }

    /** Our requests, {@code METHOD /path?query} each. */
    List<String> ourLines() {
        return api.controlPlaneRequests().stream()
                .map(ControlPlaneRequest::line)
                .toList();
    }

    /**
     * The Worker upload of a scenario without assets, part by part, its metadata without {@code assets} and
     * {@code keep_assets} (we send {@code --keep-assets}; wrangler sends neither for a Worker that has no assets).
     */
    void assertSameUploadWithoutAssets() {
        RecordedExchange theirs = recording.requests().stream()
                .filter(r -> r.parts() != null)
                .findFirst()
                .orElseThrow();
        ControlPlaneRequest ours = api.controlPlaneRequests().stream()
                .filter(r -> r.line().equals(theirs.line()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("we sent no " + theirs.line()));
        List<String> theirParts = new ArrayList<>();
        for (RecordedPart part : theirs.parts()) {
            theirParts.add(part.name() + " " + part.filename() + " " + part.contentType() + "\n"
                    + (part.json() != null ? withoutAssets(Json.compact(part.json())) : new String(part.content())));
        }
        List<String> ourParts = new ArrayList<>();
        for (FormPart part : ours.parts()) {
            ourParts.add(part.name() + " " + part.filename() + " " + part.contentType() + "\n"
                    + (part.name().equals("metadata") ? withoutAssets(part.text()) : part.text()));
        }
        assertEquals(String.join("\n", theirParts), String.join("\n", ourParts), recording.name());
    }

    private static String withoutAssets(String metadata) {
        JsonObject json = JsonParser.parseString(metadata).getAsJsonObject();
        json.remove("assets");
        json.remove("keep_assets");
        return Json.compact(json);
    }

    /** The Worker upload's metadata as we sent it (the first upload request). */
    JsonObject ourMetadata() {
        return api.controlPlaneRequests().stream()
                .filter(r -> r.header("content-type") != null
                        && r.header("content-type").startsWith("multipart/"))
                .findFirst()
                .map(r -> JsonParser.parseString(r.parts().get(0).text()).getAsJsonObject())
                .orElseThrow(() -> new AssertionError("no Worker upload"));
    }
}
