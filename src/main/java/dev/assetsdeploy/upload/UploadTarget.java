package dev.assetsdeploy.upload;

/** The Worker the assets are for; {@code dispatchNamespace} is null except for Workers for Platforms. */
public record UploadTarget(String scriptName, String dispatchNamespace) {

    public UploadTarget {
        if (scriptName == null || scriptName.isBlank()) {
            throw new IllegalArgumentException("script name is required");
        }
    }
}
