package org.gardpipeline.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A date given on the command line, YYYY-MM-DD; anything else is a usage error naming the option. */
final class IsoDate {
    private IsoDate() {
    }

    static String parse(String value, String option) {
        try {
            return LocalDate.parse(value.trim()).toString();
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
