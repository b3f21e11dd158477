package dev.assetsdeploy.preview;

import dev.assetsdeploy.AssetsDeployException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A thin HTTP/1.1 server over {@link AssetRouter}: every request is answered by the router for the
 * folder as it is at that moment, and reported to a {@link RequestLog}. It reads requests off the socket
 * itself ({@link Http1}): the JDK's server decodes the target, and refuses with 400 targets Cloudflare
 * routes (a backslash, a malformed {@code %}, some raw UTF-8), so it could not answer as {@code --explain}
 * does. It serves until closed; {@link #awaitClose} waits for that, whoever closes it (a shutdown hook, a test).
 */
public final class PreviewServer implements AutoCloseable {

    /** Told of every request answered. */
    public interface RequestLog {
        void answered(String method, String target, PreviewResponse response);
    }

    /** A connection left idle this long between requests is closed. */
    private static final int IDLE_MILLIS = 60_000;

    private final ServerSocket socket;
    private final Supplier<AssetRouter> routers;
    private final RequestLog log;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);

    private PreviewServer(ServerSocket socket, Supplier<AssetRouter> routers, RequestLog log) {
        this.socket = socket;
        this.routers = routers;
        this.log = log;
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "preview-http");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts serving on host:port (port 0: any free port). */
    public static PreviewServer start(String host, int port, Supplier<AssetRouter> routers, RequestLog log) {
        ServerSocket socket;
        try {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(host, port), 64);
        } catch (BindException e) {
            throw AssetsDeployException.invalidInput(
                    "cannot listen on " + host + ":" + port + " (" + e.getMessage()
                            + "): another server uses that port; stop it or choose another with --port",
                    e);
        } catch (IOException e) {
            throw AssetsDeployException.invalidInput(
                    "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        PreviewServer server = new PreviewServer(socket, routers, log);
        Thread acceptor = new Thread(server::accept, "preview-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Answers the connection's requests in turn until either side closes it. */
    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(IDLE_MILLIS);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            boolean keepAlive = true;
            while (keepAlive) {
                Http1.Head head;
                try {
                    head = Http1.readHead(in);
                    if (head == null) {
                        return;
                    }
                    if ("100-continue".equalsIgnoreCase(head.header("Expect"))) {
                        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                    Http1.skipBody(in, head);
                } catch (Http1.BadRequest e) {
                    byte[] text = (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
                    Http1.write(out, e.status, List.of(plainText()), text.length, text, true);
                    return;
                }
                keepAlive = head.keepAlive();
                answer(client, head, out, !keepAlive);
            }
        } catch (SocketTimeoutException | SocketException idleOrGone) {
            // an idle keep-alive connection, or a client that went away: nothing to answer
        } catch (IOException e) {
            // the client cannot be told any more than the socket already says
        } finally {
            open.remove(client);
        }
    }

    private void answer(Socket client, Http1.Head head, OutputStream out, boolean close) throws IOException {
        String host = head.header("Host");
        PreviewRequest request = new PreviewRequest(
                head.method(),
                head.target(),
                host != null ? host : client.getLocalAddress().getHostAddress() + ":" + client.getLocalPort(),
                head.headers());
        PreviewResponse response = routers.get().resolve(request);
        log.answered(request.method(), request.target(), response);
        boolean headOnly = request.method().equalsIgnoreCase("HEAD");
        if (response.toWorker()) {
            byte[] text = ("assets-deploy preview: this request goes to your Worker (" + response.decidingStep()
                            + "), whose code preview does not run.\n")
                    .getBytes(StandardCharsets.UTF_8);
            List<ResponseHeaders.Header> headers =
                    List.of(plainText(), new ResponseHeaders.Header("X-Assets-Preview", "worker"));
            Http1.write(out, 501, headers, text.length, headOnly ? null : text, close);
            return;
        }
        List<ResponseHeaders.Header> headers = response.headers().list();
        if (response.asset() == null || response.status() == 304) {
            Http1.write(out, response.status(), headers, response.status() == 304 ? -1 : 0, null, close);
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(response.asset().file());
        } catch (IOException e) {
            Http1.write(out, 500, List.of(), 0, null, close);
            return;
        }
        // HEAD: the headers of the GET, its Content-Length included, and no body
        Http1.write(out, response.status(), headers, bytes.length, headOnly ? null : bytes, close);
    }

    private static ResponseHeaders.Header plainText() {
        return new ResponseHeaders.Header("Content-Type", "text/plain; charset=utf-8");
    }

    /** Blocks until {@link #close} has been called. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops serving, open connections included; closing again does nothing. */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket: nothing to report
        }
        for (Socket client : open) {
            try {
                client.close();
            } catch (IOException ignored) {
                // the connection is gone either way
            }
        }
        connections.shutdownNow();
        closed.countDown();
    }
}
