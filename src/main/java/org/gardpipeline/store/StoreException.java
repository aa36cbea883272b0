package org.gardpipeline.store;

/** The database cannot be used as asked; the message names the file or fetch and what to do. */
public class StoreException extends RuntimeException {
    private final boolean usageError;

    public StoreException(String message, boolean usageError, Throwable cause) {
        super(message, cause);
        this.usageError = usageError;
    }

    public StoreException(String message, boolean usageError) {
        this(message, usageError, null);
    }

    /** A failed read or write of the database ("cannot read fetches in gard.sqlite: ..."); exit 1. */
    static StoreException cannot(String what, java.nio.file.Path file, java.sql.SQLException e) {
        java.sql.SQLException damage = DatabaseDamage.sqliteSaysDamaged(e);
        if (damage != null) {
            return DatabaseDamage.refusal(file, damage);
        }
        return new StoreException("cannot " + what + " in " + file + ": " + e.getMessage(), false, e);
    }

    /** True when the user can fix it by changing the command (exit 2), false for failures (exit 1). */
    public boolean isUsageError() {
        return usageError;
    }
}
