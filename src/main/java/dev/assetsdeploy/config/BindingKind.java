package dev.assetsdeploy.config;

/**
 * The kinds of binding assets-deploy sends, in the order wrangler 4.164's {@code createWorkerUploadForm} writes them
 * into the metadata's {@code bindings} (kind by kind, each kind in config order). Kinds wrangler knows and we refuse
 * ({@code ai_search_namespaces}, {@code agent_memory}, {@code wasm_modules}, blobs, {@code unsafe}) are not here; the
 * required secrets ({@code secrets.required}) are not a config binding and come first on the wire, as
 * {@code inherit}.
 */
public enum BindingKind {
    PLAIN_TEXT("vars", Shape.VARS, "plain_text", "Environment Variable", null),
    JSON("vars", Shape.VARS, "json", "Environment Variable", null),
    KV_NAMESPACE("kv_namespaces", Shape.LIST, "kv_namespace", "KV Namespace", "id"),
    SEND_EMAIL("send_email", Shape.LIST, "send_email", "Send Email", null),
    DURABLE_OBJECT("durable_objects", Shape.NESTED, "durable_object_namespace", "Durable Object", null),
    WORKFLOW("workflows", Shape.LIST, "workflow", "Workflow", null),
    QUEUE("queues", Shape.PRODUCERS, "queue", "Queue", "queue"),
    R2_BUCKET("r2_buckets", Shape.LIST, "r2_bucket", "R2 Bucket", "bucket_name"),
    D1("d1_databases", Shape.LIST, "d1", "D1 Database", "database_id"),
    VECTORIZE("vectorize", Shape.LIST, "vectorize", "Vectorize Index", null),
    AI_SEARCH("ai_search", Shape.LIST, "ai_search", "AI Search Instance", null),
    HYPERDRIVE("hyperdrive", Shape.LIST, "hyperdrive", "Hyperdrive Config", null),
    SECRETS_STORE_SECRET("secrets_store_secrets", Shape.LIST, "secrets_store_secret", "Secrets Store Secret", null),
    ARTIFACTS("artifacts", Shape.LIST, "artifacts", "Artifacts", null),
    UNSAFE_HELLO_WORLD("unsafe_hello_world", Shape.LIST, "unsafe_hello_world", "Hello World", null),
    FLAGSHIP("flagship", Shape.LIST, "flagship", "Flagship", "app_id"),
    RATELIMIT("ratelimits", Shape.LIST, "ratelimit", "Rate Limit", null),
    VPC_SERVICE("vpc_services", Shape.LIST, "vpc_service", "VPC Service", null),
    VPC_NETWORK("vpc_networks", Shape.LIST, "vpc_network", "VPC Network", null),
    SERVICE("services", Shape.LIST, "service", "Worker", null),
    ANALYTICS_ENGINE("analytics_engine_datasets", Shape.LIST, "analytics_engine", "Analytics Engine Dataset", null),
    DISPATCH_NAMESPACE("dispatch_namespaces", Shape.LIST, "dispatch_namespace", "Dispatch Namespace", "namespace"),
    MTLS_CERTIFICATE("mtls_certificates", Shape.LIST, "mtls_certificate", "mTLS Certificate", null),
    PIPELINES("pipelines", Shape.LIST, "pipelines", "Pipeline", null),
    K2("k2", Shape.LIST, "k2", "K2 Stream", null),
    WORKER_LOADER("worker_loaders", Shape.LIST, "worker_loader", "Worker Loader", null),
    LOGFWDR("logfwdr", Shape.NESTED, "logfwdr", "logfwdr", null),
    BROWSER("browser", Shape.SINGLE, "browser", "Browser Run", null),
    ANALYTICS("analytics", Shape.SINGLE, "analytics", "Analytics SQL", null),
    AI("ai", Shape.SINGLE, "ai", "AI", null),
    IMAGES("images", Shape.SINGLE, "images", "Images", null),
    STREAM("stream", Shape.SINGLE, "stream", "Stream", null),
    MEDIA("media", Shape.SINGLE, "media", "Media", null),
    VERSION_METADATA("version_metadata", Shape.SINGLE, "version_metadata", "Worker Version Metadata", null),
    ASSETS("assets", Shape.ASSETS, "assets", "Assets", null);

    /** How a kind sits in the config. */
    public enum Shape {
        /** {@code "vars": {"NAME": value}}. */
        VARS,
        /** {@code "kv_namespaces": [{"binding": ...}]}. */
        LIST,
        /** {@code "durable_objects": {"bindings": [{"name": ...}]}}. */
        NESTED,
        /** {@code "queues": {"producers": [{"binding": ...}]}}. */
        PRODUCERS,
        /** {@code "ai": {"binding": ...}}: at most one. */
        SINGLE,
        /** {@code "assets": {"binding": ...}}. */
        ASSETS
    }

    private final String configKey;
    private final Shape shape;
    private final String wireType;
    private final String friendlyName;
    private final String resourceField;

    BindingKind(String configKey, Shape shape, String wireType, String friendlyName, String resourceField) {
        this.configKey = configKey;
        this.shape = shape;
        this.wireType = wireType;
        this.friendlyName = friendlyName;
        this.resourceField = resourceField;
    }

    /** The top-level config key: {@code kv_namespaces}, {@code queues}, {@code durable_objects}. */
    public String configKey() {
        return configKey;
    }

    public Shape shape() {
        return shape;
    }

    /** The {@code type} sent in the metadata. */
    public String wireType() {
        return wireType;
    }

    /** wrangler's {@code friendlyBindingNames}: the bindings table's Resource column, and messages. */
    public String friendlyName() {
        return friendlyName;
    }

    /**
     * The field naming the resource, when a binding may leave it out (a "draft" binding, which wrangler inherits from
     * the live Worker or creates): {@code id} for KV, {@code database_id} for D1, ...; {@code null} for other kinds.
     */
    public String resourceField() {
        return resourceField;
    }

    /** The field that holds the binding's name: {@code name} for a few kinds, {@code binding} for the rest. */
    public String nameField() {
        return switch (this) {
            case SEND_EMAIL, DURABLE_OBJECT, RATELIMIT, LOGFWDR -> "name";
            default -> "binding";
        };
    }
}
