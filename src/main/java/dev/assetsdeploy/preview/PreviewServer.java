package dev.assetsdeploy.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assetsdeploy.AssetsDeployException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A thin HTTP server over {@link AssetRouter}: every request is answered by the router for the
 * folder as it is at that moment, and reported to a {@link RequestLog}. It serves until closed;
 * {@link #awaitClose} waits for that, whoever closes it (a shutdown hook, a test).
 */
public final class PreviewServer implements AutoCloseable {

    /** Told of every request answered. */
    public interface RequestLog {
        void answered(String method, String target, PreviewResponse response);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closed = new CountDownLatch(1);

    private PreviewServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on host:port (port 0: any free port). */
    public static PreviewServer start(String host, int port, Supplier<AssetRouter> routers, RequestLog log) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (BindException e) {
            throw AssetsDeployException.invalidInput(
                    "cannot listen on " + host + ":" + port + " (" + e.getMessage()
                            + "): another server uses that port; stop it or choose another with --port",
                    e);
        } catch (IOException e) {
            throw AssetsDeployException.invalidInput(
                    "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "preview-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, routers, log));
        server.start();
        return new PreviewServer(server, executor);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void handle(HttpExchange exchange, Supplier<AssetRouter> routers, RequestLog log)
            throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
            String target = target(exchange);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            String host = exchange.getRequestHeaders().getFirst("Host");
            PreviewRequest request = new PreviewRequest(
                    exchange.getRequestMethod(),
                    target,
                    host != null
                            ? host
                            : exchange.getLocalAddress().getHostString() + ":"
                                    + exchange.getLocalAddress().getPort(),
                    headers);
            PreviewResponse response = routers.get().resolve(request);
            log.answered(request.method(), target, response);
            send(exchange, request, response);
        }
    }

    /**
     * The request target as sent: {@code URI.toString()} is the request line's text (the parsed
     * path would read {@code //about/} as a host), in which the JDK decoded each non-ASCII byte
     * as one Latin-1 character; those go back to the bytes they were, percent-encoded, as the
     * WHATWG URL parser would encode them.
     */
    private static String target(HttpExchange exchange) {
        String target = exchange.getRequestURI().toString();
        StringBuilder out = new StringBuilder();
        for (char c : target.toCharArray()) {
            if (c >= 0x80 && c <= 0xFF) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    private static void send(HttpExchange exchange, PreviewRequest request, PreviewResponse response)
            throws IOException {
        if (response.toWorker()) {
            byte[] text = ("assets-deploy preview: this request goes to your Worker (" + response.decidingStep()
                            + "), whose code preview does not run.\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().add("X-Assets-Preview", "worker");
            exchange.sendResponseHeaders(501, request.method().equalsIgnoreCase("HEAD") ? -1 : text.length);
            exchange.getResponseBody().write(text);
            return;
        }
        for (ResponseHeaders.Header h : response.headers().list()) {
            exchange.getResponseHeaders().add(h.name(), h.value());
        }
        boolean hasBody = response.asset() != null
                && response.status() != 304
                && !request.method().equalsIgnoreCase("HEAD");
        if (!hasBody) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(response.asset().file());
        } catch (IOException e) {
            exchange.sendResponseHeaders(500, -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Blocks until {@link #close} has been called. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops serving; closing again does nothing. */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        closed.countDown();
    }
}
