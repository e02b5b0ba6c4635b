package dev.ds.client;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Retries one attempt until it answers or the deadline passes, backing off from 10 ms to 200 ms so
 * that a client neither hammers a struggling cluster nor waits long once it has recovered.
 */
public record Retry(Duration deadline) {

    public static final Retry DEFAULT = new Retry(Duration.ofSeconds(10));

    private static final long FIRST_BACKOFF_MS = 10;
    private static final long MAX_BACKOFF_MS = 200;

    public <T> T until(String what, Supplier<Optional<T>> attempt) {
        long end = System.nanoTime() + deadline.toNanos();
        long backoff = FIRST_BACKOFF_MS;
        while (true) {
            Optional<T> answer = attempt.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (System.nanoTime() - end >= 0) {
                throw new NoReplyException("no answer to " + what + " within " + deadline);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NoReplyException("interrupted while waiting for " + what);
            }
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
    }
}
