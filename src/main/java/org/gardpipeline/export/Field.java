package org.gardpipeline.export;

/**
 * One column of a CSV dataset as the Table Schema describes it.
 *
 * @param name        the column name (the view's column)
 * @param type        Table Schema type: string, integer, boolean, date, datetime
 * @param description what the column holds, for the data dictionary
 */
public record Field(String name, String type, String description) {
    static Field string(String name, String description) {
        return new Field(name, "string", description);
    }

    static Field integer(String name, String description) {
        return new Field(name, "integer", description);
    }

    static Field bool(String name, String description) {
        return new Field(name, "boolean", description);
    }

    static Field date(String name, String description) {
        return new Field(name, "date", description);
    }

    /** Fetch times are dates, or date-times when a fetch recorded one, so they are strings in ISO-8601. */
    static Field fetchTime(String name, String description) {
        return new Field(name, "string", description + " (ISO-8601 date, or date-time in UTC)");
    }
}
