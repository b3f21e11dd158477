package dev.assetsdeploy.config;

/**
 * What a command needs from the config, beyond a valid file: checked by {@link ConfigLoader}
 * before any request, so a missing value fails fast with a message naming the flag and field.
 *
 * @param scriptName        a Worker name ({@code name} / {@code --script})
 * @param compatibilityDate a {@code compatibility_date} (every Worker upload needs one)
 * @param workerUpload      the command uploads the Worker: {@code main}, when set, must be an existing file, and
 *                          config keys assets-deploy cannot send are refused (unless {@code --allow-unsupported})
 * @param assetsDirectory   an assets folder (DIR / {@code assets.directory}) that exists
 * @param dispatchNamespace the Worker goes to a Workers for Platforms namespace: its name follows the namespace
 *                          rule ({@code PathName.NAMESPACE_WORKER_NAME}), not the lowercase one of account Workers
 * @param triggersPhase     the command applies the triggers phase without an upload ({@code triggers}): the refused
 *                          keys that phase would apply are refused (unless {@code --allow-unsupported})
 */
public record Requirements(
        boolean scriptName,
        boolean compatibilityDate,
        boolean workerUpload,
        boolean assetsDirectory,
        boolean dispatchNamespace,
        boolean triggersPhase) {

    public Requirements(
            boolean scriptName,
            boolean compatibilityDate,
            boolean workerUpload,
            boolean assetsDirectory,
            boolean dispatchNamespace) {
        this(scriptName, compatibilityDate, workerUpload, assetsDirectory, dispatchNamespace, false);
    }

    /** Nothing required: just read and validate what is there. */
    public static final Requirements NONE = new Requirements(false, false, false, false, false);
    /** {@code preview}: the assets folder only. */
    public static final Requirements PREVIEW = new Requirements(false, false, false, true, false);
    /** {@code deploy}: name, compatibility date and the code; assets may come from a token or {@code --keep-assets}. */
    public static final Requirements DEPLOY = new Requirements(true, true, true, false, false);
    /** {@code triggers}: a Worker name; nothing is uploaded. */
    public static final Requirements TRIGGERS = new Requirements(true, false, false, false, false, true);
    /** {@code versions}, {@code deployments}, {@code rollback}: an existing Worker, so its name only. */
    public static final Requirements WORKER = new Requirements(true, false, false, false, false);
    /** {@code all}: everything. */
    public static final Requirements ALL = new Requirements(true, true, true, true, false);

    public Requirements withAssetsDirectory(boolean required) {
        return new Requirements(
                scriptName, compatibilityDate, workerUpload, required, dispatchNamespace, triggersPhase);
    }

    public Requirements withDispatchNamespace(boolean inNamespace) {
        return new Requirements(
                scriptName, compatibilityDate, workerUpload, assetsDirectory, inNamespace, triggersPhase);
    }
}
