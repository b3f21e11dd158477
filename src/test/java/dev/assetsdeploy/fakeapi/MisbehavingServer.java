package dev.assetsdeploy.fakeapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that misbehaves at the socket level, as no well-behaved server library can:
 * it accepts a request and never reads its body, or drips its answer a byte at a time. Each connection is handled
 * by {@link Behaviour} number {@code n} (from 1); closing the server closes every connection.
 */
public final class MisbehavingServer implements AutoCloseable {

    /** What to do with connection number {@code n}. */
    @FunctionalInterface
    public interface Behaviour {
        void handle(int n, Socket socket) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    public MisbehavingServer(Behaviour behaviour) {
        try {
            server = new ServerSocket();
            server.setReceiveBufferSize(4096); // a small window: a client's writes block soon when nobody reads
            server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket socket = server.accept();
                            sockets.add(socket);
                            int n = connections.incrementAndGet();
                            Thread t = new Thread(
                                    () -> {
                                        try {
                                            behaviour.handle(n, socket);
                                        } catch (IOException | InterruptedException done) {
                                            // the client went away, or the test ended
                                        }
                                    },
                                    "misbehaving-" + n);
                            t.setDaemon(true);
                            t.start();
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "misbehaving-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** Accepts and never reads: the client's body fills the buffers, then its writes block. */
    public static void neverRead(Socket socket) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Reads the request (headers and a {@code Content-Length} body), then answers with {@code status} and {@code json}. */
    public static void answer(Socket socket, int status, String json) throws IOException {
        readRequest(socket.getInputStream());
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        socket.close();
    }

    /** Reads the request, then sends a 200 answer's head and its body one byte every {@code gapMillis}, forever. */
    public static void drip(Socket socket, long gapMillis) throws IOException, InterruptedException {
        readRequest(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        while (true) {
            Thread.sleep(gapMillis);
            out.write(' ');
            out.flush();
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            head.append((char) b);
        }
        long length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(
                        line.substring("content-length:".length()).strip());
            }
        }
        in.skipNBytes(length);
    }
}
