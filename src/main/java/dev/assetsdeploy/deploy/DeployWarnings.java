package dev.assetsdeploy.deploy;

/**
 * Where the deploy's own warnings go, one line each, the moment they arise (before the upload, for what the live
 * Worker shows): a split deployment about to be replaced, a binding that takes a live secret's name, a migration tag
 * the config does not know. Under {@code --strict} the caller throws instead, which stops the deploy there.
 */
@FunctionalInterface
public interface DeployWarnings {
    void warn(String message);
}
