package dev.assetsdeploy.live;

import dev.assetsdeploy.config.Route;

/**
 * One place the Worker answers after the triggers phase, or one schedule it runs on: what the report lists, in
 * wrangler's order (workers.dev, the zone routes, the custom domains, the schedules).
 */
public sealed interface Trigger {

    /** The URL this trigger serves, when it is one: {@code null} for a schedule or a pattern with a host wildcard. */
    String url();

    /** {@code https://{host}}: the Worker's workers.dev URL. */
    record WorkersDev(String host) implements Trigger {
        @Override
        public String url() {
            return "https://" + host;
        }
    }

    /** A zone route: the Worker answers the requests its pattern matches. */
    record ZoneRoute(Route route) implements Trigger {
        /**
         * The URL where the pattern starts matching ({@code example.com/app/*} → {@code https://example.com/app/}),
         * or {@code null} when its host has a wildcard ({@code *.example.com/*}, {@code *\/api/*}).
         */
        @Override
        public String url() {
            String pattern = route.pattern();
            String scheme = "https://";
            if (pattern.startsWith("http://") || pattern.startsWith("https://")) {
                scheme = pattern.substring(0, pattern.indexOf("://") + 3);
                pattern = pattern.substring(scheme.length());
            }
            int slash = pattern.indexOf('/');
            String host = slash < 0 ? pattern : pattern.substring(0, slash);
            if (host.isEmpty() || host.contains("*")) {
                return null;
            }
            int wildcard = pattern.indexOf('*');
            String path = slash < 0 ? "/" : pattern.substring(slash, wildcard < 0 ? pattern.length() : wildcard);
            return scheme + host + (path.isEmpty() ? "/" : path);
        }
    }

    /** A custom domain: the Worker is the origin of the whole host name (unless its production traffic is off). */
    record CustomDomain(Route route) implements Trigger {
        @Override
        public String url() {
            return Boolean.FALSE.equals(route.enabled()) ? null : "https://" + route.pattern();
        }
    }

    /** A cron schedule the Worker's scheduled handler runs on. */
    record Schedule(String cron) implements Trigger {
        @Override
        public String url() {
            return null;
        }
    }
}
