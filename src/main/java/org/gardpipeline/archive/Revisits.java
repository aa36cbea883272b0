package org.gardpipeline.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.gardpipeline.model.Sha256;
import org.netpreserve.jwarc.WarcDigest;

/**
 * The one resolver of revisit records, for the WARC files {@code gard fetch} writes, those {@code pack} writes and
 * those of other tools: a revisit is read as the bytes of the capture it refers to (WARC-Refers-To), looked for in
 * its own file, then in the file WARC-Refers-To-Filename names (relative to its folder, as Heritrix writes it), then
 * in the WARC files of the fetch folders beside its own. The capture is a response (its payload, decoded), a resource
 * (a packed document's bytes) or itself a revisit (a capture that a pack turned into a revisit after later fetches
 * had referred to it: followed in turn). A revisit stands for its capture only when their payload digests agree, so
 * that another record under the same id never puts other bytes into the history.
 */
final class Revisits {
    /** Revisits of revisits are followed at most this far: packs refer only to earlier folders, so chains are short. */
    private static final int MAX_CHAIN = 16;

    private final ArchiveIndex index;

    Revisits(ArchiveIndex index) {
        this.index = index;
    }

    /** Where a revisit's capture is: the file and the record. */
    private record Found(Path file, WarcRecords.Entry capture) {
    }

    /** The bytes the revisit stands for; an IOException names the revisit and why its capture cannot stand for it. */
    byte[] payload(Path file, String path, WarcRecords.Entry revisit) throws IOException {
        return payload(file, path, revisit, 0);
    }

    private byte[] payload(Path file, String path, WarcRecords.Entry revisit, int depth) throws IOException {
        String what = "revisit of " + path + " in " + file;
        Found found = find(file, what, revisit);
        WarcRecords.Entry c = found.capture();
        if (c.problem() != null) {
            throw new IOException(what + ": its capture " + revisit.refersTo() + " in " + found.file() + " is damaged ("
                    + c.problem() + ")");
        }
        switch (c.type()) {
            case "response", "response-other" -> {
                sameDeclaredDigest(what, revisit, found);
                return HttpPayload.of(found.file(), c.offset());
            }
            case "resource" -> {
                byte[] bytes = PackedWarc.resource(found.file(), c.offset());
                if (!digestMatches(revisit.payloadDigest(), Sha256.hex(bytes))) {
                    throw new IOException(what + ": the capture in " + found.file() + " does not match its payload digest "
                            + revisit.payloadDigest());
                }
                return bytes;
            }
            case "revisit" -> {
                if (depth >= MAX_CHAIN) {
                    throw new IOException(what + ": more than " + MAX_CHAIN + " revisits in a row, from " + found.file());
                }
                sameDeclaredDigest(what, revisit, found);
                String next = PackedWarc.isPackedTarget(c.target()) ? PackedWarc.path(c.target()) : c.target();
                return payload(found.file(), next, c, depth + 1);
            }
            default -> throw new IOException(what + ": its capture " + revisit.refersTo() + " in " + found.file() + " is a "
                    + c.type() + " record, which holds no document");
        }
    }

    /**
     * The SHA-256 of the bytes a revisit stands for when the capture is a resource whose bytes were read whole as its
     * file was scanned, and they are the revisit's payload digest; else null (then {@link #payload} reads them, or
     * says why not).
     */
    String knownSha256(Path file, WarcRecords.Entry revisit) {
        try {
            Found found = find(file, "", revisit);
            String sha256 = "resource".equals(found.capture().type()) ? found.capture().blockSha256() : null;
            return sha256 != null && digestMatches(revisit.payloadDigest(), sha256) ? sha256 : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Why the revisit's capture cannot stand for it, from what the scans found (no payload read), or null when it
     * can: the capture is found, undamaged, and its digest is the revisit's.
     */
    String whyUnresolved(Path file, String path, WarcRecords.Entry revisit) {
        Path start = file;
        String what = "revisit of " + path + " in " + file;
        try {
            for (int depth = 0; ; depth++) {
                Found found = find(file, what, revisit);
                WarcRecords.Entry c = found.capture();
                if (c.problem() != null) {
                    return what + ": its capture " + revisit.refersTo() + " in " + found.file() + " is damaged (" + c.problem() + ")";
                }
                if ("resource".equals(c.type())) {
                    return c.blockSha256() != null && digestMatches(revisit.payloadDigest(), c.blockSha256()) ? null
                            : what + ": the capture in " + found.file() + " does not match its payload digest " + revisit.payloadDigest();
                }
                sameDeclaredDigest(what, revisit, found);
                if (!"revisit".equals(c.type()) || depth >= MAX_CHAIN) {
                    return c.type().startsWith("response") ? null : what + ": its capture " + revisit.refersTo() + " in "
                            + found.file() + " is a " + c.type() + " record, which holds no document";
                }
                what = "revisit of " + path + " in " + start + ", through the revisit in " + found.file();
                file = found.file();
                revisit = c;
            }
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private Found find(Path file, String what, WarcRecords.Entry revisit) throws IOException {
        String id = revisit.refersTo();
        if (id == null) {
            throw new IOException(what + " has no WARC-Refers-To");
        }
        WarcRecords.Entry here = index.scanned(file).byId().get(id);
        if (here != null && here != revisit) {
            return new Found(file, here);
        }
        Path named = null;
        boolean namedMissing = false;
        if (revisit.refersToFilename() != null) {
            Path folder = file.toAbsolutePath().normalize().getParent();
            named = folder.resolve(revisit.refersToFilename()).normalize();
            if (Files.isRegularFile(named)) {
                WarcRecords.Entry there = scannedQuietly(named, what).byId().get(id);
                if (there != null) {
                    return new Found(named, there);
                }
            } else {
                namedMissing = true;
            }
        }
        Path neighbour = index.neighbourHolding(file, id);
        if (neighbour != null) {
            WarcRecords.Entry there = scannedQuietly(neighbour, what).byId().get(id);
            if (there != null) {
                return new Found(neighbour, there);
            }
        }
        if (named == null) {
            throw new IOException(what + ": its capture " + id + " is in no WARC file beside it");
        }
        throw new IOException(namedMissing ? what + ": its capture is in " + named + ", which is missing"
                : what + ": its capture " + id + " is not in " + named);
    }

    private ArchiveIndex.Scanned scannedQuietly(Path file, String what) throws IOException {
        try {
            return index.scanned(file);
        } catch (NoSuchFileException e) {
            throw new IOException(what + ": its capture is in " + file + ", which is missing");
        } catch (IOException | UnreadableArchiveException e) {
            throw new IOException(what + ": cannot read " + file + ", which holds its capture: " + e.getMessage());
        }
    }

    /**
     * A revisit that states a payload digest (the identical-payload-digest profile) stands only for a capture that
     * states the same: another capture under the same id would put other bytes in the history. A 304 revisit states none.
     */
    private static void sameDeclaredDigest(String what, WarcRecords.Entry revisit, Found found) throws IOException {
        WarcRecords.Entry original = found.capture();
        if (revisit.payloadDigest() == null || original.payloadDigest() == null) {
            return;
        }
        boolean same;
        try {
            same = new WarcDigest(revisit.payloadDigest()).equals(new WarcDigest(original.payloadDigest()));
        } catch (RuntimeException malformed) {
            same = false;
        }
        if (!same) {
            throw new IOException(what + ": the capture " + revisit.refersTo() + " in " + found.file() + " has payload digest "
                    + original.payloadDigest() + ", not the revisit's " + revisit.payloadDigest());
        }
    }

    static boolean digestMatches(String declared, String sha256) {
        try {
            return declared != null && new WarcDigest(declared).equals(new WarcDigest("sha256", sha256));
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
