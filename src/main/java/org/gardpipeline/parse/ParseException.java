package org.gardpipeline.parse;

/** A document could not be read as a GARD page; the message says what was wrong, for the quarantine list. */
public class ParseException extends Exception {
    public ParseException(String message) {
        super(message);
    }

    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
