package dev.assetsdeploy.deploy;

/**
 * Which request carries the Worker upload. wrangler 4.164 puts different fields in the metadata of each (bindings.md
 * §2.2): only the {@code PUT} has {@code code_update_strategy} (a deployment carries it otherwise), and a version
 * upload that is not deployed has no {@code logpush}, {@code observability} or {@code streaming_tail_consumers}, but
 * always an {@code annotations} object.
 */
public enum UploadKind {
    /** {@code PUT .../scripts/NAME}: a new Worker, a pending Durable Object migration, a dispatch namespace. */
    SCRIPT,
    /** {@code POST .../scripts/NAME/versions}, then deployed at 100 %: {@code deploy} of an existing Worker. */
    DEPLOYED_VERSION,
    /** {@code POST .../scripts/NAME/versions}, not deployed: {@code --version-only} ({@code wrangler versions upload}). */
    VERSION
}
