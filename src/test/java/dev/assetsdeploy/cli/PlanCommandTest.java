package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.manifest.AssetHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code all --plan} and {@code upload --plan} against the fake API: one session request, and what it asked for. */
class PlanCommandTest {

    @TempDir
    Path tmp;

    final FakeApiCli cli = new FakeApiCli();
    final FakeCloudflareApi api = cli.api;
    final Map<String, String> env = cli.env;
    Path site;
    String out;

    @BeforeEach
    void start() throws Exception {
        site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(site.resolve("about.html"), "<h1>about</h1>");
        Files.writeString(site.resolve("app.css"), "body{color:red}");
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    int run(String... args) {
        int code = cli.run(args);
        out = cli.out;
        return code;
    }

    int all(String... extra) {
        int code = cli.deploy(site, "planned", extra);
        out = cli.out;
        return code;
    }

    /** The site deployed, then one file changed and one added: the plan asks for those two. */
    void deployThenChangeTwoFiles() throws Exception {
        assertEquals(0, all("--quiet"), cli.err);
        Files.writeString(site.resolve("about.html"), "<h1>about us</h1>");
        Files.writeString(site.resolve("new.js"), "export {}");
    }

    String session() {
        return "POST /accounts/" + api.settings.accountId + "/workers/scripts/planned/assets-upload-session";
    }

    /** The control-plane requests (all but asset uploads) from number {@code from} on, as "METHOD path". */
    List<String> requestsFrom(int from) {
        List<String> all = api.controlPlaneRequests().stream()
                .map(r -> r.method() + " " + r.path())
                .toList();
        return all.subList(from, all.size());
    }

    @Test
    void allPlanMakesOnlyTheSessionRequestAndSaysWhatItAskedFor() throws Exception {
        deployThenChangeTwoFiles();
        int before = api.controlPlaneRequests().size();
        int uploads = api.uploadRequests();
        Set<String> stored = api.storedHashes();

        assertEquals(0, all("--plan"), cli.err);

        assertEquals(List.of(session()), requestsFrom(before));
        assertEquals(uploads, api.uploadRequests(), "no asset upload");
        assertEquals(stored, api.storedHashes(), "nothing uploaded");
        assertEquals(1, api.workerRequests().size(), "nothing deployed: only the first run's Worker upload");
        assertTrue(
                out.startsWith(
                        "Plan for Worker \"planned\": Cloudflare asks for 2 of 4 files (26 B to send in 1 request);"
                                + " 2 files are already uploaded.\n"),
                out);
        assertTrue(out.endsWith("Nothing was uploaded or deployed (--plan).\n"), out);
        assertFalse(out.contains("/about.html"), "only --verbose lists the files");
    }

    @Test
    void verboseListsTheFilesWithSizeAndHash() throws Exception {
        deployThenChangeTwoFiles();
        assertEquals(0, all("--plan", "--verbose"), cli.err);
        String aboutHash = AssetHasher.hash("<h1>about us</h1>".getBytes(StandardCharsets.UTF_8), "about.html");
        assertTrue(out.contains("Files to upload (2):\n  /about.html            17  " + aboutHash + "\n"), out);
        assertTrue(out.contains("\n  /new.js                 9  "), out);
        assertFalse(out.contains("/index.html"), out);
    }

    @Test
    void jsonHasTheCountsAndTheFiles() throws Exception {
        deployThenChangeTwoFiles();
        assertEquals(0, all("--plan", "--json"), cli.err);
        JsonObject doc = JsonParser.parseString(out).getAsJsonObject();
        assertTrue(doc.get("plan").getAsBoolean());
        assertEquals("planned", doc.get("worker").getAsString());
        assertEquals(4, doc.get("files").getAsInt());
        assertEquals(2, doc.get("filesToUpload").getAsInt());
        assertEquals(17 + 9, doc.get("bytesToUpload").getAsLong());
        assertEquals(2, doc.get("filesAlreadyUploaded").getAsInt());
        assertEquals(1, doc.get("requests").getAsInt());
        assertEquals(
                List.of("/about.html", "/new.js"),
                doc.getAsJsonArray("toUpload").asList().stream()
                        .map(f -> f.getAsJsonObject().get("path").getAsString())
                        .toList());
        assertEquals(List.of(), api.problems());
    }

    @Test
    void uploadPlanOnAnAccountThatHasEverythingSaysSo() throws Exception {
        assertEquals(0, all("--quiet"), cli.err);
        int before = api.controlPlaneRequests().size();
        assertEquals(0, run("upload", site.toString(), "--script", "planned", "--plan"), cli.err);
        assertEquals(List.of(session()), requestsFrom(before));
        assertEquals(
                "Plan for Worker \"planned\": Cloudflare already has all 3 files (42 B); nothing to upload.\n"
                        + "Nothing was uploaded or deployed (--plan).\n",
                out);
    }

    @Test
    void uploadPlanOnAFreshAccountAsksForEveryFile() {
        assertEquals(0, run("upload", site.toString(), "--script", "planned", "--plan", "--json"), cli.err);
        assertEquals(
                3,
                JsonParser.parseString(out)
                        .getAsJsonObject()
                        .get("filesToUpload")
                        .getAsInt());
        assertEquals(List.of(session()), requestsFrom(0));
        assertEquals(0, api.uploadRequests());
        assertEquals(Set.of(), api.storedHashes());
    }

    @Test
    void planNeedsCredentialsAndSaysSoInItsHelp() {
        env.remove("CLOUDFLARE_API_TOKEN");
        assertEquals(ExitCodes.AUTHENTICATION, all("--plan"), cli.err);
        assertTrue(cli.err.contains("CLOUDFLARE_API_TOKEN"), cli.err);
        assertEquals(List.of(), requestsFrom(0));
        for (String command : List.of("all", "upload")) {
            assertEquals(0, run(command, "--help"));
            assertTrue(out.replaceAll("\\s+", " ").contains("Needs credentials (unlike --dry-run)"), out);
        }
    }

    /** Preparing the token file would replace it before any request; a plan gets no token to put there. */
    @Test
    void uploadPlanRefusesTokenOutAndLeavesTheFileAlone() throws Exception {
        Path token = Files.writeString(tmp.resolve("token"), "an earlier token\n");
        assertEquals(
                ExitCodes.USAGE,
                run("upload", site.toString(), "--script", "planned", "--plan", "--token-out", token.toString()));
        assertTrue(cli.err.startsWith("error: --plan gets no token to write: leave out --token-out"), cli.err);
        assertEquals("an earlier token\n", Files.readString(token));
        assertEquals(List.of(), requestsFrom(0));
    }

    @Test
    void planAndDryRunExcludeEachOther() {
        assertEquals(ExitCodes.USAGE, all("--plan", "--dry-run"));
        assertTrue(cli.err.startsWith("error: --dry-run and --plan exclude each other"), cli.err);
        assertEquals(List.of(), requestsFrom(0));
    }
}
