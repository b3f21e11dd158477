package dev.assetsdeploy.recorded;

/**
 * Which requests an exclusion or an order-free group names: {@code "METHOD /path"} (any query), {@code "METHOD
 * /path?query"} (that query exactly), and a path ending in {@code *} matches every path that starts with the rest
 * ({@code "GET /accounts/acc1/workers/scripts/site/versions/*"}).
 */
record RequestMatcher(String method, String path, String query, boolean prefix, String text) {

    static RequestMatcher parse(String text) {
        int space = text.indexOf(' ');
        if (space <= 0 || !text.substring(space + 1).startsWith("/")) {
            throw new IllegalArgumentException("a request is named \"METHOD /path[?query]\", got \"" + text + "\"");
        }
        String target = text.substring(space + 1);
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        boolean prefix = path.endsWith("*");
        return new RequestMatcher(
                text.substring(0, space), prefix ? path.substring(0, path.length() - 1) : path, query, prefix, text);
    }

    boolean matches(String method, String path, String query) {
        return this.method.equals(method)
                && (prefix ? path.startsWith(this.path) : this.path.equals(path))
                && (this.query == null || this.query.equals(query));
    }
}
