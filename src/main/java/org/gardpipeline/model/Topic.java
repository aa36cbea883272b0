package org.gardpipeline.model;

import java.util.Locale;

/** The subject an answer is about; the fixed vocabulary of DESIGN.md. */
public enum Topic {
    SUMMARY, SYMPTOMS, CAUSES, INHERITANCE, DIAGNOSIS, TREATMENT, PROGNOSIS, OTHER;

    /** The lower-case name used in the database, the CSV files and on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a topic key as written by {@link #key()}; throws with the allowed values otherwise. */
    public static Topic fromKey(String key) {
        for (Topic t : values()) {
            if (t.key().equalsIgnoreCase(key.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown topic '" + key + "' (expected one of summary, symptoms, "
                + "causes, inheritance, diagnosis, treatment, prognosis, other)");
    }
}
