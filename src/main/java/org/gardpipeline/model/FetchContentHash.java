package org.gardpipeline.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What identifies a fetch's content: a SHA-256 over its documents' paths and the hashes of their bytes, in
 * document order. Built up one document at a time, so a fetch is never held whole in memory.
 */
public final class FetchContentHash {
    private final MessageDigest digest = Sha256.newDigest();

    public FetchContentHash add(String path, String sha256) {
        digest.update((path + "\0" + sha256 + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The hash in hex; the accumulator is spent afterwards. */
    public String hex() {
        return Sha256.hex(digest);
    }
}
