package org.gardpipeline.store;

/** Another run holds the database's lock (exit 4); the message names the holder. */
public class LockedException extends StoreException {
    public LockedException(String message) {
        super(message, false);
    }
}
