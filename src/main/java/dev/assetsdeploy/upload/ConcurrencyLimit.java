package dev.assetsdeploy.upload;

import java.util.function.IntConsumer;

/**
 * How many requests may be in flight. A 429 halves the limit and a gateway error (502, 503, 504,
 * 524) drops it to 1 (as wrangler does); each success then raises it by one, back up to the maximum. While someone
 * waits out a {@code Retry-After}, nobody starts a request: the server asked the whole
 * client to hold off, not one connection.
 */
final class ConcurrencyLimit {

    private final int max;
    private final IntConsumer changed;
    private int limit;
    private int inFlight;
    private int pauses;

    ConcurrencyLimit(int max, IntConsumer changed) {
        this.max = Math.max(1, max);
        this.limit = this.max;
        this.changed = changed;
    }

    synchronized void acquire() throws InterruptedException {
        while (inFlight >= limit || pauses > 0) {
            wait();
        }
        inFlight++;
    }

    synchronized void release() {
        inFlight--;
        notifyAll();
    }

    synchronized void succeeded() {
        if (limit < max) {
            limit++;
            changed.accept(limit);
            notifyAll();
        }
    }

    /** After a 429 ({@code gateway} false) or a gateway error. */
    synchronized void overloaded(boolean gateway) {
        int lowered = gateway ? 1 : Math.max(1, limit / 2);
        if (lowered < limit) {
            limit = lowered;
            changed.accept(limit);
        }
    }

    synchronized void pause() {
        pauses++;
    }

    synchronized void resume() {
        pauses--;
        notifyAll();
    }

    synchronized int limit() {
        return limit;
    }
}
