package org.gardpipeline.parse;

/**
 * A document the pipeline knows that holds no disease page (the API's list of diseases, {@code diseases.json}): it
 * is left out of the history with the message as a note, never quarantined.
 */
public final class NotAPageException extends ParseException {
    public NotAPageException(String message) {
        super(message);
    }
}
