package dev.assetsdeploy.upload;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.manifest.ManifestEntry;

/** A file that is no longer what was hashed: sending it would deploy something inconsistent. */
public final class FileChangedException extends AssetsDeployException {

    public FileChangedException(ManifestEntry entry, String how) {
        super(
                Kind.INVALID_INPUT,
                entry.path() + " (" + entry.file() + ") changed while the upload was running (" + how
                        + "): nothing inconsistent was deployed; run again once the folder has stopped changing");
    }
}
