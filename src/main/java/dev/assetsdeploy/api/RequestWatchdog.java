package dev.assetsdeploy.api;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Cancels the requests that no socket timeout would end: HttpClient's classic API has a read timeout, but no write
 * timeout and no deadline, so a server that stops reading the body blocks the write forever, and one that answers a
 * byte at a time never lets a read time out. Each request is watched from start to end: when nothing could be sent
 * for {@code stall} while its body is written, or when it has run for {@code deadline}, the request is cancelled
 * (its connection closed, which ends the blocked write or read with an I/O error) and {@link Watch#reason} says why.
 * One timer thread serves every request of a client.
 */
final class RequestWatchdog implements AutoCloseable {

    private final Duration stall;
    private final Duration deadline;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "api-watchdog");
        t.setDaemon(true);
        return t;
    });

    RequestWatchdog(Duration stall, Duration deadline) {
        this.stall = stall;
        this.deadline = deadline;
    }

    /** Starts watching {@code request}; close the watch when the request has ended. */
    Watch watch(Cancellable request) {
        Watch watch = new Watch(request);
        long period = Math.max(10, Math.min(1000, stall.toMillis() / 4));
        watch.check = timer.scheduleAtFixedRate(watch::check, period, period, TimeUnit.MILLISECONDS);
        return watch;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One request's progress, as its body is written. */
    final class Watch implements AutoCloseable {
        private final Cancellable request;
        private final long started = System.nanoTime();
        private volatile long lastSent = started;
        private volatile boolean sending;
        private volatile String reason;
        private ScheduledFuture<?> check;

        private Watch(Cancellable request) {
            this.request = request;
        }

        /** {@code out} noting each write that gets through; call {@link #sent} when the body is written. */
        OutputStream sending(OutputStream out) {
            lastSent = System.nanoTime();
            sending = true;
            return new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    lastSent = System.nanoTime();
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    lastSent = System.nanoTime();
                }
            };
        }

        /** The body is written: from now on only the deadline and the read timeout apply. */
        void sent() {
            sending = false;
        }

        /** Why the request was cancelled, or {@code null}: "nothing could be sent for 30 s (...)". */
        String reason() {
            return reason;
        }

        private void check() {
            long now = System.nanoTime();
            if (reason != null) {
                return;
            }
            if (now - started >= deadline.toNanos()) {
                cancel("no complete answer within " + ApiClient.duration(deadline) + " (deadline)");
            } else if (sending && now - lastSent >= stall.toNanos()) {
                cancel("nothing could be sent for " + ApiClient.duration(stall)
                        + " (the server stopped reading; timeout)");
            }
        }

        private void cancel(String why) {
            reason = why;
            request.cancel();
        }

        @Override
        public void close() {
            check.cancel(false);
        }
    }
}
