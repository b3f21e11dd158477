package dev.assetsdeploy.manifest;

/**
 * Something about the folder the user should know before publishing it. {@code path} is
 * the manifest key (or folder) it is about; {@code message} is one line for a person.
 */
public record ManifestWarning(Code code, String path, String message) {

    public enum Code {
        SENSITIVE_FILE,
        LINK_OUTSIDE_FOLDER,
        LINKED_FOLDER_SKIPPED,
        /** More files than the Free plan allows in a version (the default limit is the paid plans'). */
        FREE_PLAN_FILE_LIMIT
    }
}
