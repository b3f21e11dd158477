package dev.assetsdeploy.config;

import java.util.List;

/**
 * The {@code assets} section: every field {@code null} when not set, and then left out of the
 * metadata (the server applies its default).
 *
 * @param binding          the assets binding name ({@code ASSETS}), only with Worker code
 * @param htmlHandling     {@code auto-trailing-slash}, {@code force-trailing-slash}, {@code drop-trailing-slash} or {@code none}
 * @param notFoundHandling {@code none}, {@code 404-page} or {@code single-page-application}
 * @param runWorkerFirst   {@code true}/{@code false} or a list of rules, only with Worker code
 */
public record AssetsSettings(String binding, String htmlHandling, String notFoundHandling,
                             RunWorkerFirst runWorkerFirst) {

    public static final AssetsSettings NONE = new AssetsSettings(null, null, null, null);

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
