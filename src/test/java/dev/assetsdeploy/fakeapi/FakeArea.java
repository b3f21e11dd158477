package dev.assetsdeploy.fakeapi;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One area of the fake API (asset uploads, Worker scripts, ...): the routes it answers and the state behind
 * them. A new area is a class of its own, listed once in {@link FakeCloudflareApi}'s areas.
 */
interface FakeArea {

    /** The routes of this area, tried in order (the first whose method and path match answers). */
    List<Route> routes();

    /** Answers a request whose path (after {@link FakeCloudflareApi#BASE_PATH}) matched {@code path}. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange ex, Matcher path) throws IOException;
    }

    /**
     * {@code method} and a path pattern (after {@link FakeCloudflareApi#BASE_PATH}), and who answers them.
     *
     * @param controlPlane whether requests are kept in {@link FakeCloudflareApi#controlPlaneRequests()} (all but the
     *     asset uploads, whose bodies are streamed and can be large)
     */
    record Route(String method, Pattern path, Handler handler, boolean controlPlane) {

        static Route of(String method, String pathRegex, Handler handler) {
            return new Route(method, Pattern.compile(pathRegex), handler, true);
        }

        /** A route whose requests are not logged (asset uploads). */
        static Route streamed(String method, String pathRegex, Handler handler) {
            return new Route(method, Pattern.compile(pathRegex), handler, false);
        }
    }
}
