package dev.assetsdeploy.fakeapi;

import java.util.ArrayList;
import java.util.List;

/**
 * Every control-plane request in arrival order. A request takes its place when it arrives and is filled in when its
 * answer is written, so concurrent requests keep the order in which the server took them.
 */
final class ControlPlaneLog {

    private static final long WAIT_MILLIS = 10_000;

    private final List<ControlPlaneRequest> entries = new ArrayList<>();

    synchronized int reserve() {
        entries.add(null);
        return entries.size() - 1;
    }

    synchronized void fill(int slot, ControlPlaneRequest entry) {
        if (entries.get(slot) == null) {
            entries.set(slot, entry);
            notifyAll();
        }
    }

    /** The requests so far; waits (briefly) for the answers still being written, so a finished run is complete. */
    synchronized List<ControlPlaneRequest> snapshot() {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (entries.contains(null) && System.currentTimeMillis() < deadline) {
            try {
                wait(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return entries.stream().filter(e -> e != null).toList();
    }
}
