package dev.assetsdeploy.recorded;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.fakeapi.ControlPlaneRequest;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One recording of wrangler 4.164 (a folder of {@code src/test/resources/dev/assetsdeploy/recorded}, see the README
 * there): what it was run with, the state of the API before, every request it made, and what it printed. The base of
 * the parity tests: start the fake in the recorded state, run our tool on the recorded project, and check that it
 * sent the same requests.
 *
 * <pre>{@code
 * @Test
 * void aRedeployIsWhatWranglerSends(@TempDir Path dir) {
 *     Recording r = Recording.load("redeploy-existing");
 *     try (FakeCloudflareApi api = r.startFake()) {          // the recorded state; its account is "acc1"
 *         Path project = r.writeProject(dir);               // public/, dist/ and wrangler.json as recorded
 *         CliRun run = CliRun.execute(
 *                 Map.of("CLOUDFLARE_API_BASE_URL", api.baseUrl(), "CLOUDFLARE_ACCOUNT_ID", api.settings.accountId,
 *                         "CLOUDFLARE_API_TOKEN", api.settings.apiToken),
 *                 "all", "--config", project.resolve("wrangler.json").toString());
 *         assertEquals(0, run.code(), run.err());
 *         r.skipping("GET /accounts/acc1/workers/services/site", "we know the Worker exists")  // with a reason
 *                 .assertSameRequests(api.controlPlaneRequests());
 *         assertEquals(List.of(), api.problems());          // and the fake refused nothing
 *     }
 * }
 * }</pre>
 *
 * <p>What is compared, request by request and in order: the method, the path and the raw query; the headers the
 * client set itself (content type, {@code Cloudflare-Workers-Script-Api-Date}; not the ones every HTTP client sends
 * nor the credentials); and the body: JSON with its key order and JavaScript's number form, a multipart body part by part
 * (name, filename, content type, then the {@code metadata} part as JSON and the others as text). Ids, tokens and times
 * the fake hands out are matched to the recorded ones through the answers (see {@link RequestComparison}); seeded
 * from the recording, the fake hands out the very ids wrangler saw anyway, so a printed {@code Version ID} matches the
 * recorded stdout too ({@link #stdout()}, {@link #stderr()}). The assets manifest may list its files in any order
 * (wrangler's order varies; the recordings have it sorted). Seeded this way, the fake already holds the recorded
 * assets, so our tool uploads none, as wrangler did not. The failure message shows the first differing request as a
 * diff and both sequences side by side. {@link #requests()} gives the recorded requests themselves (to pick one with
 * {@link #named}), and {@link FakeCloudflareApi#workers()} the state after the run.
 *
 * <p>Deliberate differences are declared, each with the reason a reader needs, and show in the failure message:
 * {@link #skipping} (a request wrangler sends and we do not), {@link #ignoringOurs} (one we send and wrangler does
 * not), {@link #inAnyOrder} (requests wrangler starts together, whose recorded order is not a rule). Each returns a new
 * Recording; a declaration that matches nothing fails, so none outlives its reason.
 */
public final class Recording {

    /** The recordings, relative to the project root (the working directory of the tests). */
    public static final Path ROOT = Path.of("src/test/resources/dev/assetsdeploy/recorded");

    private static final Path LIVE = Path.of("src/test/record/live");

    private final String name;
    private final Path dir;
    private final List<RecordedExchange> requests;
    private final List<RequestComparison.Exclusion> skipped;
    private final List<RequestComparison.Exclusion> ignored;
    private final List<List<RequestMatcher>> anyOrder;
    private final List<String> anyOrderReasons;

    private Recording(
            String name,
            Path dir,
            List<RecordedExchange> requests,
            List<RequestComparison.Exclusion> skipped,
            List<RequestComparison.Exclusion> ignored,
            List<List<RequestMatcher>> anyOrder,
            List<String> anyOrderReasons) {
        this.name = name;
        this.dir = dir;
        this.requests = List.copyOf(requests);
        this.skipped = List.copyOf(skipped);
        this.ignored = List.copyOf(ignored);
        this.anyOrder = List.copyOf(anyOrder);
        this.anyOrderReasons = List.copyOf(anyOrderReasons);
    }

    /** The recording in folder {@code name} of {@link #ROOT}. */
    public static Recording load(String name) {
        Path dir = ROOT.resolve(name);
        if (!Files.isRegularFile(dir.resolve("requests.json"))) {
            throw new IllegalArgumentException("no recording " + name + " under " + ROOT + " (see its README.md)");
        }
        List<RecordedExchange> requests = new ArrayList<>();
        int index = 0;
        for (JsonElement entry :
                JsonParser.parseString(read(dir.resolve("requests.json"))).getAsJsonArray()) {
            requests.add(RecordedExchange.of(index++, entry.getAsJsonObject()));
        }
        return new Recording(name, dir, requests, List.of(), List.of(), List.of(), List.of());
    }

    /** The names of every recording, sorted. */
    public static List<String> names() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("requests.json")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    /** The folder of the recording. */
    public Path dir() {
        return dir;
    }

    /** The command line, {@code wrangler deploy --env staging}. */
    public String command() {
        return read(dir.resolve("command.txt")).strip();
    }

    /** The arguments wrangler got (after {@code wrangler}), quotes removed: {@code [versions, upload, --message, PR 42]}. */
    public List<String> wranglerArgs() {
        List<String> words = ShellWords.split(command());
        return words.subList(1, words.size());
    }

    /** wrangler's exit code. */
    public int exitCode() {
        return Integer.parseInt(read(dir.resolve("exit-code.txt")).strip());
    }

    /** What wrangler printed on stdout (times normalized to {@code (TIME sec)}, see the README). */
    public String stdout() {
        return read(dir.resolve("stdout.txt"));
    }

    /** What wrangler printed on stderr, its ANSI colour codes removed. */
    public String stderr() {
        return read(dir.resolve("stderr.txt")).replaceAll("\u001b\\[[0-9;]*m", "");
    }

    /** The wrangler configuration of the run. */
    public JsonObject config() {
        return JsonParser.parseString(read(dir.resolve("wrangler.json"))).getAsJsonObject();
    }

    /** The API's state before the run, as the recording fake wrote it. */
    public JsonObject seed() {
        return JsonParser.parseString(read(dir.resolve("seed.json"))).getAsJsonObject();
    }

    /** Every request wrangler made, in order (exclusions not applied). */
    public List<RecordedExchange> requests() {
        return requests;
    }

    /**
     * A fake API in the recorded state: the account id of the recording ({@code acc1}), its subdomain, zones,
     * Workers, versions and deployments, the clock and id counter where the recording fake had them, and the
     * recorded assets already stored (the recording fake asked for no uploads either). Close it after the test.
     */
    public FakeCloudflareApi startFake() {
        FakeCloudflareApi api = FakeCloudflareApi.start();
        seed(api);
        return api;
    }

    /** Puts the recorded state into {@code api} (see {@link #startFake}). */
    public void seed(FakeCloudflareApi api) {
        RecordedSeed.apply(seed(), api);
        api.assumeStored(assetHashes());
    }

    /**
     * Writes the project wrangler ran in into {@code dir}, as {@code record.sh} did: {@code public/} (and {@code
     * dist/} when the config has {@code main}) of {@code src/test/record/live/project}, or of the folder the
     * scenario's {@code project-base} names, the scenario's own files over them, and the recorded {@code
     * wrangler.json}. Returns {@code dir}.
     */
    public Path writeProject(Path dir) {
        Path scenario = LIVE.resolve("scenarios").resolve(name);
        try {
            Path base = Files.isRegularFile(scenario.resolve("project-base"))
                    ? Path.of(read(scenario.resolve("project-base")).strip())
                    : LIVE.resolve("project");
            copyTree(base.resolve("public"), dir.resolve("public"));
            if (config().has("main")) {
                copyTree(base.resolve("dist"), dir.resolve("dist"));
            }
            Path own = scenario.resolve("project");
            if (Files.isDirectory(own)) {
                copyTree(own, dir);
            }
            Files.copy(
                    this.dir.resolve("wrangler.json"),
                    dir.resolve("wrangler.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Leaves out of the comparison every recorded request {@code request} names ({@code "METHOD /path"}, {@code
     * "METHOD /path?query"}, or a path ending in {@code *}): one wrangler sends and we deliberately do not.
     *
     * @throws IllegalArgumentException when it names no recorded request, or the reason is blank
     */
    public Recording skipping(String request, String reason) {
        RequestMatcher matcher = RequestMatcher.parse(request);
        requireReason(reason);
        if (requests.stream().noneMatch(r -> matcher.matches(r.method(), r.path(), r.query()))) {
            throw new IllegalArgumentException(name + " has no request " + request + " to skip");
        }
        List<RequestComparison.Exclusion> more = new ArrayList<>(skipped);
        more.add(new RequestComparison.Exclusion(matcher, reason));
        return new Recording(name, dir, requests, more, ignored, anyOrder, anyOrderReasons);
    }

    /**
     * Leaves out of the comparison every request of ours that {@code request} names: one we deliberately send and
     * wrangler does not. {@link #assertSameRequests} fails when we sent none.
     */
    public Recording ignoringOurs(String request, String reason) {
        RequestMatcher matcher = RequestMatcher.parse(request);
        requireReason(reason);
        List<RequestComparison.Exclusion> more = new ArrayList<>(ignored);
        more.add(new RequestComparison.Exclusion(matcher, reason));
        return new Recording(name, dir, requests, skipped, more, anyOrder, anyOrderReasons);
    }

    /**
     * Compares the requests {@code requests} name as a group in any order (sorted), and the others in order: for
     * calls wrangler starts concurrently (routes, the domain changeset and records, schedules), whose recorded
     * order is the order they reached the fake.
     */
    public Recording inAnyOrder(String reason, String... requests) {
        requireReason(reason);
        List<RequestMatcher> group = new ArrayList<>();
        for (String request : requests) {
            RequestMatcher matcher = RequestMatcher.parse(request);
            if (this.requests.stream().noneMatch(r -> matcher.matches(r.method(), r.path(), r.query()))) {
                throw new IllegalArgumentException(name + " has no request " + request + " to reorder");
            }
            group.add(matcher);
        }
        List<List<RequestMatcher>> groups = new ArrayList<>(anyOrder);
        groups.add(List.copyOf(group));
        List<String> reasons = new ArrayList<>(anyOrderReasons);
        reasons.add(reason);
        return new Recording(name, dir, this.requests, skipped, ignored, groups, reasons);
    }

    /**
     * Fails, with a diff of the first differing request, unless {@code ours} (in practice {@link
     * FakeCloudflareApi#controlPlaneRequests()}) are the recorded requests, exclusions applied.
     */
    public void assertSameRequests(List<ControlPlaneRequest> ours) {
        String problem = difference(ours);
        if (problem != null) {
            fail(problem);
        }
    }

    /** What {@link #assertSameRequests} would report, or null when the requests are the same. */
    public String difference(List<ControlPlaneRequest> ours) {
        List<RecordedExchange> expected = requests.stream()
                .filter(r -> skipped.stream().noneMatch(s -> s.matcher().matches(r.method(), r.path(), r.query())))
                .toList();
        List<String> notes = new ArrayList<>();
        List<ControlPlaneRequest> actual = new ArrayList<>();
        for (RequestComparison.Exclusion ignore : ignored) {
            if (ours.stream().noneMatch(r -> ignore.matcher().matches(r.method(), r.path(), r.query()))) {
                return "recording " + name + ": ignoringOurs(\""
                        + ignore.matcher().text() + "\") matched none of our" + " requests: remove it ("
                        + ignore.reason() + ")";
            }
        }
        for (ControlPlaneRequest r : ours) {
            if (ignored.stream().noneMatch(i -> i.matcher().matches(r.method(), r.path(), r.query()))) {
                actual.add(r);
            }
        }
        skipped.forEach(s -> notes.add(
                "skipped (wrangler sends it, we do not): " + s.matcher().text() + ": " + s.reason()));
        ignored.forEach(i -> notes.add(
                "ignored (we send it, wrangler does not): " + i.matcher().text() + ": " + i.reason()));
        for (int g = 0; g < anyOrder.size(); g++) {
            notes.add("in any order: "
                    + anyOrder.get(g).stream().map(RequestMatcher::text).toList() + ": " + anyOrderReasons.get(g));
        }
        return new RequestComparison(name, expected, actual, notes).firstDifference(anyOrder);
    }

    /** The hashes of every asset manifest wrangler sent (the recording fake said they were all stored). */
    private Set<String> assetHashes() {
        Set<String> hashes = new LinkedHashSet<>();
        for (RecordedExchange r : requests) {
            if (r.path().endsWith("/assets-upload-session")
                    && r.json() != null
                    && r.json().isJsonObject()) {
                JsonObject manifest = r.json().getAsJsonObject().getAsJsonObject("manifest");
                if (manifest != null) {
                    manifest.entrySet()
                            .forEach(e -> hashes.add(
                                    e.getValue().getAsJsonObject().get("hash").getAsString()));
                }
            }
        }
        return Collections.unmodifiableSet(hashes);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why: the reason is part of the test");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Predicate form of a request name, for tests that pick recorded requests. */
    public static Predicate<RecordedExchange> named(String request) {
        RequestMatcher matcher = RequestMatcher.parse(request);
        return r -> matcher.matches(r.method(), r.path(), r.query());
    }
}
