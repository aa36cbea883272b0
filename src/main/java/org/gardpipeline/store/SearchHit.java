package org.gardpipeline.store;

/** A current answer matching a full-text search, with a snippet around the match. */
public record SearchHit(String pageKey, String pageTitle, String slotKey, String topic, String question, String snippet) {
}
