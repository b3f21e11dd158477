package dev.assetsdeploy.config;

import java.util.List;

/**
 * The {@code assets} section: every field {@code null} when not set, and then left out of the
 * metadata (the server applies its default).
 *
 * @param binding          the assets binding name ({@code ASSETS}), only with Worker code
 * @param htmlHandling     {@code html_handling}
 * @param notFoundHandling {@code not_found_handling}
 * @param runWorkerFirst   {@code true}/{@code false} or a list of rules, only with Worker code
 */
public record AssetsSettings(
        String binding, HtmlHandling htmlHandling, NotFoundHandling notFoundHandling, RunWorkerFirst runWorkerFirst) {

    public static final AssetsSettings NONE = new AssetsSettings(null, null, null, null);

    /** {@code html_handling}: which paths serve an HTML file, and which redirect to its canonical URL. */
    public enum HtmlHandling {
        AUTO_TRAILING_SLASH("auto-trailing-slash"),
        FORCE_TRAILING_SLASH("force-trailing-slash"),
        DROP_TRAILING_SLASH("drop-trailing-slash"),
        NONE("none");

        private final String value;

        HtmlHandling(String value) {
            this.value = value;
        }

        /** As the config, the metadata and messages write it. */
        public String value() {
            return value;
        }
    }

    /** {@code not_found_handling}: what a request that matches no asset gets. */
    public enum NotFoundHandling {
        NONE("none"),
        NOT_FOUND_PAGE("404-page"),
        SINGLE_PAGE_APPLICATION("single-page-application");

        private final String value;

        NotFoundHandling(String value) {
            this.value = value;
        }

        /** As the config, the metadata and messages write it. */
        public String value() {
            return value;
        }
    }

    /** {@code run_worker_first}: either all requests ({@code all} set) or a list of rules. */
    public record RunWorkerFirst(Boolean all, List<String> rules) {

        public RunWorkerFirst {
            rules = rules == null ? null : List.copyOf(rules);
        }

        public static RunWorkerFirst of(boolean all) {
            return new RunWorkerFirst(all, null);
        }

        public static RunWorkerFirst of(List<String> rules) {
            return new RunWorkerFirst(null, rules);
        }
    }
}
