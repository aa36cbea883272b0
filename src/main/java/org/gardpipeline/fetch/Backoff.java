package org.gardpipeline.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Waits between attempts: exponential backoff with jitter, or what the server's Retry-After asks. */
final class Backoff {
    private static final Duration CAP = Duration.ofMinutes(2);

    private Backoff() {
    }

    /** base * 2^(attempt-1), plus up to the same again at random, capped. */
    static Duration after(Duration base, int attempt) {
        long ms = base.toMillis() << Math.min(attempt - 1, 20);
        long jitter = ms <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ms + 1);
        return Duration.ofMillis(Math.min(ms + jitter, CAP.toMillis()));
    }

    /** A Retry-After value (delay in seconds, or an HTTP date) as a wait from now; empty when unreadable. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
