package dev.assetsdeploy.fakeapi;

import java.time.Duration;

/**
 * Decides, for the n-th asset upload request (1-based, counted across sessions), what the fake
 * does: answer normally, answer with an error status, drop the connection halfway through the
 * body, or answer late.
 */
@FunctionalInterface
public interface UploadFault {

    Action decide(int requestNumber);

    UploadFault NONE = n -> Action.pass();

    /** What to do with one request. */
    record Action(Kind kind, int status, String retryAfter, Duration delay) {
        public enum Kind {
            PASS,
            STATUS,
            DROP_MID_BODY,
            DELAY
        }

        public static Action pass() {
            return new Action(Kind.PASS, 0, null, Duration.ZERO);
        }

        /** Reads the whole body, then answers {@code status} with an error envelope (and {@code Retry-After} if not null). */
        public static Action status(int status, String retryAfter) {
            return new Action(Kind.STATUS, status, retryAfter, Duration.ZERO);
        }

        /** Reads part of the body, then closes the connection without an answer. */
        public static Action drop() {
            return new Action(Kind.DROP_MID_BODY, 0, null, Duration.ZERO);
        }

        /** Handles the request normally, but waits {@code delay} before answering. */
        public static Action delay(Duration delay) {
            return new Action(Kind.DELAY, 0, null, delay);
        }
    }
}
