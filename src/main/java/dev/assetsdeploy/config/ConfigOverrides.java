package dev.assetsdeploy.config;

import java.nio.file.Path;
import java.util.List;

/**
 * What the command line says, over the config file: {@code null} (or an empty list) for
 * "not given". Values are taken as typed and validated by {@link ConfigLoader} with the same
 * rules as the file, the error naming the flag. Relative paths are resolved against the working
 * folder given to the loader.
 *
 * @param configFile         {@code --config FILE}: use this file instead of looking for one
 * @param environment        {@code --env NAME}
 * @param scriptName         {@code --script NAME}
 * @param main               {@code --main FILE}
 * @param compatibilityDate  {@code --compatibility-date}
 * @param compatibilityFlags {@code --compatibility-flag} (repeatable): replaces the file's list
 * @param assetsDirectory    the positional {@code DIR} of {@code all}/{@code upload}/{@code preview}
 * @param binding            {@code --binding}
 * @param htmlHandling       {@code --html-handling}
 * @param notFoundHandling   {@code --not-found-handling}
 * @param runWorkerFirst     {@code --run-worker-first} (repeatable): one {@code true}/{@code false}, or rules
 * @param allowUnsupported   {@code --allow-unsupported KEY} (repeatable): refused config keys the user accepts to lose
 * @param live               the triggers flags ({@code --workers-dev}, {@code --route}, {@code --schedule}, ...)
 */
public record ConfigOverrides(
        Path configFile,
        String environment,
        String scriptName,
        Path main,
        String compatibilityDate,
        List<String> compatibilityFlags,
        Path assetsDirectory,
        String binding,
        String htmlHandling,
        String notFoundHandling,
        List<String> runWorkerFirst,
        List<String> allowUnsupported,
        LiveOverrides live) {

    public static final ConfigOverrides NONE = builder().build();

    public ConfigOverrides {
        compatibilityFlags = compatibilityFlags == null ? List.of() : List.copyOf(compatibilityFlags);
        runWorkerFirst = runWorkerFirst == null ? List.of() : List.copyOf(runWorkerFirst);
        allowUnsupported = allowUnsupported == null ? List.of() : List.copyOf(allowUnsupported);
        live = live == null ? LiveOverrides.NONE : live;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Path configFile;
        private String environment;
        private String scriptName;
        private Path main;
        private String compatibilityDate;
        private List<String> compatibilityFlags;
        private Path assetsDirectory;
        private String binding;
        private String htmlHandling;
        private String notFoundHandling;
        private List<String> runWorkerFirst;
        private List<String> allowUnsupported;
        private LiveOverrides live;

        private Builder() {}

        public Builder configFile(Path value) {
            configFile = value;
            return this;
        }

        public Builder environment(String value) {
            environment = value;
            return this;
        }

        public Builder scriptName(String value) {
            scriptName = value;
            return this;
        }

        public Builder main(Path value) {
            main = value;
            return this;
        }

        public Builder compatibilityDate(String value) {
            compatibilityDate = value;
            return this;
        }

        public Builder compatibilityFlags(List<String> value) {
            compatibilityFlags = value;
            return this;
        }

        public Builder assetsDirectory(Path value) {
            assetsDirectory = value;
            return this;
        }

        public Builder binding(String value) {
            binding = value;
            return this;
        }

        public Builder htmlHandling(String value) {
            htmlHandling = value;
            return this;
        }

        public Builder notFoundHandling(String value) {
            notFoundHandling = value;
            return this;
        }

        public Builder runWorkerFirst(List<String> value) {
            runWorkerFirst = value;
            return this;
        }

        public Builder allowUnsupported(List<String> value) {
            allowUnsupported = value;
            return this;
        }

        public Builder live(LiveOverrides value) {
            live = value;
            return this;
        }

        public ConfigOverrides build() {
            return new ConfigOverrides(
                    configFile,
                    environment,
                    scriptName,
                    main,
                    compatibilityDate,
                    compatibilityFlags,
                    assetsDirectory,
                    binding,
                    htmlHandling,
                    notFoundHandling,
                    runWorkerFirst,
                    allowUnsupported,
                    live);
        }
    }
}
