package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the API keeps for one account's Workers, behind the fake's control-plane endpoints: the account's workers.dev
 * subdomain, its zones, every Worker (in the account and in dispatch namespaces) with its versions, deployments,
 * settings and triggers, the routes and custom domains of all Workers, and the resources bindings name (queues, R2
 * buckets, dispatch namespaces).
 *
 * <p>Seed it before a run ({@link #addWorker}, {@link #zone}, {@link #noSubdomain}, ...), inspect it after
 * ({@link #worker}, {@link #routes}, ...). Thread-safe: every method holds this object's lock, and the fake's
 * handlers hold it for a whole request, so a request sees and leaves a consistent state; a refused request changes
 * nothing.
 *
 * <p>Deterministic: ids come from a counter ({@link #idCounter}) and times from a clock that starts at
 * 2025-06-01T12:00:00Z and moves one minute for each thing created ({@link #now}), as in the recording fake, so two
 * runs give the same answers.
 */
public final class WorkersState {

    static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
    /** {@link #START} as the API writes times. */
    static final String START_STAMP = "2025-06-01T12:00:00.000000Z";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private String subdomain = "acme";
    private boolean workerUrls = true;
    private final Map<String, String> zones = new LinkedHashMap<>();
    private final List<ZoneRoute> routes = new ArrayList<>();
    private final List<CustomDomain> domains = new ArrayList<>();
    private final Map<String, Worker> workers = new LinkedHashMap<>();
    private final Map<String, Map<String, Worker>> namespaces = new LinkedHashMap<>();
    private final AccountResources resources = new AccountResources();
    private Instant now = START;
    private int counter;

    WorkersState() {}

    // ---- seeding ----

    /** The account's workers.dev subdomain ({@code acme} unless set): Workers answer on {@code NAME.acme.workers.dev}. */
    public synchronized WorkersState subdomain(String name) {
        this.subdomain = name;
        return this;
    }

    /** An account that never registered a workers.dev subdomain: {@code GET .../workers/subdomain} answers 10007. */
    public synchronized WorkersState noSubdomain() {
        this.subdomain = null;
        return this;
    }

    /**
     * Whether {@code GET .../workers/workers/NAME} carries {@code subdomain.url} and {@code preview_url_suffix} (true
     * unless set). wrangler 4.164 reads both; the public API reference does not list them.
     */
    public synchronized WorkersState workerUrls(boolean present) {
        this.workerUrls = present;
        return this;
    }

    /** A zone of the account, by name and id. */
    public synchronized WorkersState zone(String name, String id) {
        zones.put(name, id);
        return this;
    }

    /** A zone of the account, with the id {@code md5("zone/" + name)}. */
    public WorkersState zone(String name) {
        return zone(name, Ids.hex("zone", name));
    }

    /** A route on one of the account's zones (found from the pattern's host), bound to Worker {@code script}. */
    public synchronized WorkersState route(String pattern, String script) {
        String zoneId = requireZoneOf(pattern);
        routes.add(new ZoneRoute(Ids.hex("route", pattern), zoneId, pattern, script, null));
        return this;
    }

    /** A custom domain (a hostname of one of the account's zones) that Worker {@code script} answers on. */
    public synchronized WorkersState domain(String hostname, String script) {
        String zone = requireZoneNameOf(hostname);
        domains.add(CustomDomain.of(hostname, script, zones.get(zone), zone));
        return this;
    }

    /** A queue of the account, id {@code md5("queue/" + name)} unless given. */
    public synchronized WorkersState queue(String name, String id) {
        resources.queues.put(name, id == null ? Ids.hex("queue", name) : id);
        return this;
    }

    /** An R2 bucket of the account. */
    public WorkersState r2Bucket(String name) {
        return r2Bucket(name, null);
    }

    /** An R2 bucket of the account in a jurisdiction ({@code eu}, {@code fedramp}; null for none). */
    public synchronized WorkersState r2Bucket(String name, String jurisdiction) {
        resources.r2Buckets.add(new AccountResources.Bucket(name, jurisdiction));
        return this;
    }

    /** A KV namespace of the account. */
    public synchronized WorkersState kvNamespace(String title, String id) {
        resources.kvNamespaces.put(title, id);
        return this;
    }

    /** A D1 database of the account. */
    public synchronized WorkersState d1Database(String name, String uuid) {
        resources.d1Databases.add(new AccountResources.Database(uuid, name, START_STAMP, null));
        return this;
    }

    /** An AI Search namespace of the account. */
    public synchronized WorkersState aiSearchNamespace(String name) {
        resources.aiSearchNamespaces.add(name);
        return this;
    }

    /** An Agent Memory namespace of the account. */
    public synchronized WorkersState agentMemoryNamespace(String name) {
        resources.agentMemoryNamespaces.add(name);
        return this;
    }

    /** A Workflow of the account, as {@code GET .../workflows/NAME} answers it. */
    public synchronized WorkersState workflow(String name, JsonObject workflow) {
        resources.workflows.put(name, workflow.deepCopy());
        return this;
    }

    /** A Workers for Platforms dispatch namespace of the account (empty). */
    public synchronized WorkersState dispatchNamespace(String name) {
        namespaces.computeIfAbsent(name, n -> new LinkedHashMap<>());
        return this;
    }

    /** A Worker that exists in the account (no versions yet: add them on the seed). */
    public WorkerSeed addWorker(String name) {
        return addWorker(null, name);
    }

    /** A Worker that exists in dispatch namespace {@code namespace} (created when missing), or the account if null. */
    public synchronized WorkerSeed addWorker(String namespace, String name) {
        if (namespace != null) {
            dispatchNamespace(namespace);
        }
        Map<String, Worker> where = namespace == null ? workers : namespaces.get(namespace);
        if (where.containsKey(name)) {
            throw new IllegalArgumentException("Worker " + name + " is already seeded");
        }
        Worker worker = new Worker(name, namespace, tick());
        where.put(name, worker);
        return new WorkerSeed(this, worker);
    }

    /** Sets the clock: the next thing created is one minute after {@code time}. */
    public synchronized WorkersState now(Instant time) {
        this.now = time;
        return this;
    }

    /**
     * Sets the id counter: the next version or deployment id is the UUID of {@code fake-api/KIND/(n + 1)}. A run
     * seeded from a recording sets it past the recording fake's ids, so new versions get the ids wrangler saw.
     */
    public synchronized WorkersState idCounter(int n) {
        this.counter = n;
        return this;
    }

    /**
     * Sets the id counter past every counted id (see {@link #idCounter}) among {@code values}: seeded from a
     * recording, the fake then hands out the ids the recording fake handed out next.
     */
    public synchronized WorkersState idCounterAfter(Set<String> values) {
        for (int n = 1; n <= 1_000; n++) {
            if (values.contains(Ids.counted("version", n)) || values.contains(Ids.counted("deployment", n))) {
                counter = Math.max(counter, n);
            }
        }
        return this;
    }

    // ---- inspection ----

    /** The account's workers.dev subdomain, or empty when it has none. */
    public synchronized Optional<String> subdomain() {
        return Optional.ofNullable(subdomain);
    }

    /** The Worker named {@code name} in the account, as it is now; fails when there is none. */
    public WorkerSnapshot worker(String name) {
        return find(null, name).orElseThrow(() -> new AssertionError("the fake has no Worker " + name));
    }

    /** A Worker in the account ({@code namespace} null) or a dispatch namespace, as it is now. */
    public synchronized Optional<WorkerSnapshot> find(String namespace, String name) {
        return Optional.ofNullable(worker(namespace, name)).map(w -> WorkerSnapshot.of(w, this));
    }

    /** Whether Worker {@code name} exists in the account. */
    public synchronized boolean exists(String name) {
        return workers.containsKey(name);
    }

    /** Every route of every Worker, in the order they were set. */
    public synchronized List<ZoneRoute> routes() {
        return List.copyOf(routes);
    }

    /** Every custom domain of every Worker. */
    public synchronized List<CustomDomain> domains() {
        return List.copyOf(domains);
    }

    /** The zones of the account, name to id. */
    public synchronized Map<String, String> zones() {
        return Map.copyOf(zones);
    }

    /**
     * The account's resources by kind ({@code queues}, {@code r2_buckets}, {@code kv_namespaces}, {@code
     * d1_databases}, {@code ai_search_namespaces}, {@code agent_memory_namespaces}, {@code workflows}, {@code
     * dispatch_namespaces}) to their names, sorted: what a run created shows here.
     */
    public synchronized Map<String, List<String>> resources() {
        Map<String, List<String>> all = resources.names();
        all.put("dispatch_namespaces", namespaces.keySet().stream().sorted().toList());
        return Collections.unmodifiableMap(all);
    }

    // ---- the model, for the areas (callers hold the lock) ----

    String subdomainOrNull() {
        return subdomain;
    }

    boolean workerUrlsShown() {
        return workerUrls;
    }

    Worker worker(String namespace, String name) {
        Map<String, Worker> where = namespace == null ? workers : namespaces.get(namespace);
        return where == null ? null : where.get(name);
    }

    Worker createWorker(String namespace, String name) {
        Worker worker = new Worker(name, namespace, tick());
        (namespace == null ? workers : namespaces.get(namespace)).put(name, worker);
        return worker;
    }

    boolean hasNamespace(String name) {
        return namespaces.containsKey(name);
    }

    Map<String, Integer> namespaceSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        namespaces.forEach((name, scripts) -> sizes.put(name, scripts.size()));
        return sizes;
    }

    Map<String, String> zonesByName() {
        return zones;
    }

    List<ZoneRoute> allRoutes() {
        return routes;
    }

    List<CustomDomain> allDomains() {
        return domains;
    }

    AccountResources accountResources() {
        return resources;
    }

    /** The zone whose name is the host of {@code pattern} or a parent of it, or null. */
    String zoneNameOf(String pattern) {
        String host = pattern.replaceFirst("^https?://", "").split("/", 2)[0].replaceFirst("^[*.]+", "");
        for (String zone : zones.keySet()) {
            if (host.equals(zone) || host.endsWith("." + zone)) {
                return zone;
            }
        }
        return null;
    }

    private String requireZoneNameOf(String pattern) {
        String zone = zoneNameOf(pattern);
        if (zone == null) {
            throw new IllegalArgumentException("no zone seeded for " + pattern + ": seed it with zone(...) first");
        }
        return zone;
    }

    String requireZoneOf(String pattern) {
        return zones.get(requireZoneNameOf(pattern));
    }

    /** The next id of {@code kind} ({@code version}, {@code deployment}). */
    String nextId(String kind) {
        return Ids.counted(kind, ++counter);
    }

    /** Moves the clock one minute and returns the new time, as the API writes times. */
    String tick() {
        now = now.plus(Duration.ofMinutes(1));
        return stamp();
    }

    String stamp() {
        return STAMP.format(now);
    }
}
