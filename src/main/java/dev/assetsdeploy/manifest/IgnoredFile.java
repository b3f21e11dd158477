package dev.assetsdeploy.manifest;

/**
 * A path left out of the manifest and the rule that left it out, e.g.
 * {@code .assetsignore:3: node_modules} or {@code built-in: /_headers}. A path ending in
 * {@code /} is a folder: nothing inside it was read.
 */
public record IgnoredFile(String path, String rule) {}
