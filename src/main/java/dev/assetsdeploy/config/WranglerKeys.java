package dev.assetsdeploy.config;

import java.util.Set;

/**
 * The config fields wrangler 4.164 knows, so that a field it knows and we do not apply is not
 * called "unknown". Taken from its cli.js: the keys of the object {@code normalizeAndValidateConfig}
 * builds (plus {@code env} and {@code $schema}, which it also accepts at the top level), the keys
 * of {@code normalizeAndValidateEnvironment}'s result (what an {@code env.NAME} section may hold),
 * and {@code validateAssetsConfig}'s list for {@code assets}. wrangler warns
 * ("Unexpected fields found in ... field") about anything else; so do we.
 */
final class WranglerKeys {

    /** What assets-deploy reads. */
    static final Set<String> APPLIED = Set.of(
            "name",
            "main",
            "account_id",
            "compatibility_date",
            "compatibility_flags",
            "assets",
            "workers_dev",
            "preview_urls",
            "route",
            "routes",
            "triggers");

    /**
     * The Worker's bindings and settings, read by {@link WorkerSection}, and the keys it refuses (which are errors of
     * their own rather than "not applied" warnings).
     */
    static final Set<String> WORKER = workerKeys();

    static final Set<String> APPLIED_ASSETS =
            Set.of("directory", "binding", "html_handling", "not_found_handling", "run_worker_first");

    /** {@code assets} fields wrangler sends that we do not. */
    static final Set<String> NOT_APPLIED_ASSETS = Set.of("base_path");

    /**
     * Fields that shape how wrangler builds or runs a Worker locally, not what is deployed from a
     * built Worker: ignoring them changes nothing, so they get no warning. wrangler's internal
     * fields (configPath, topLevelName, ...) are here too: it accepts them silently.
     */
    static final Set<String> QUIET = Set.of(
            "$schema",
            "dev",
            "send_metrics",
            "jsx_factory",
            "jsx_fragment",
            "tsconfig",
            "rules",
            "minify",
            "keep_names",
            "no_bundle",
            "find_additional_modules",
            "preserve_file_names",
            "base_dir",
            "upload_source_maps",
            "alias",
            "define",
            "python_modules",
            "dependencies_instrumentation",
            "configPath",
            "userConfigPath",
            "topLevelName",
            "definedEnvironments",
            "targetEnvironment");

    /** Fields allowed only at the top level (in an {@code env.NAME} section wrangler warns about them). */
    static final Set<String> TOP_LEVEL_ONLY = Set.of(
            "env",
            "$schema",
            "pages_build_output_dir",
            "send_metrics",
            "dependencies_instrumentation",
            "keep_vars",
            "addresses",
            "dev",
            "site",
            "alias",
            "wasm_modules",
            "text_blobs",
            "data_blobs",
            "configPath",
            "userConfigPath",
            "topLevelName",
            "definedEnvironments",
            "targetEnvironment");

    /**
     * Every field an {@code env.NAME} section (and so the top level) may hold. {@code usage_model} is not one: wrangler
     * 4.164 does not know it either (it warns "Unexpected fields" and sends nothing), so it is an unknown field here.
     */
    static final Set<String> ENVIRONMENT = Set.of(
            "access",
            "account_id",
            "agent_memory",
            "ai",
            "ai_search",
            "ai_search_namespaces",
            "analytics",
            "analytics_engine_datasets",
            "artifacts",
            "assets",
            "base_dir",
            "browser",
            "build",
            "cache",
            "cloudchamber",
            "compatibility_date",
            "compatibility_flags",
            "compliance_region",
            "connect",
            "containers",
            "d1_databases",
            "define",
            "dispatch_namespaces",
            "durable_objects",
            "exports",
            "find_additional_modules",
            "first_party_worker",
            "flagship",
            "hyperdrive",
            "images",
            "jsx_factory",
            "jsx_fragment",
            "k2",
            "keep_names",
            "kv_namespaces",
            "limits",
            "logfwdr",
            "logpush",
            "main",
            "media",
            "migrations",
            "minify",
            "mtls_certificates",
            "name",
            "no_bundle",
            "observability",
            "pipelines",
            "placement",
            "preserve_file_names",
            "preview_urls",
            "previews",
            "python_modules",
            "queues",
            "r2_buckets",
            "ratelimits",
            "route",
            "routes",
            "rules",
            "secrets",
            "secrets_store_secrets",
            "send_email",
            "services",
            "stream",
            "streaming_tail_consumers",
            "tail_consumers",
            "triggers",
            "tsconfig",
            "unsafe",
            "unsafe_hello_world",
            "upload_source_maps",
            "vars",
            "vectorize",
            "version_metadata",
            "vpc_networks",
            "vpc_services",
            "worker_loaders",
            "workers_dev",
            "workflows");

    private WranglerKeys() {}

    private static Set<String> workerKeys() {
        Set<String> keys = new java.util.HashSet<>(SettingsReader.KEYS);
        for (BindingKind kind : BindingKind.values()) {
            keys.add(kind.configKey());
        }
        keys.remove("assets"); // applied, with its own fields
        WorkerParts.REFUSABLE.stream()
                .filter(k -> !k.contains(".") && !k.equals("raw"))
                .forEach(keys::add);
        return Set.copyOf(keys);
    }

    static boolean knownAtTopLevel(String key) {
        return ENVIRONMENT.contains(key) || TOP_LEVEL_ONLY.contains(key);
    }
}
