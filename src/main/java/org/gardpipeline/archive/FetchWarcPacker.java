package org.gardpipeline.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gardpipeline.model.Sha256;
import org.gardpipeline.store.TestPause;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Packs the WARC file of a fetch folder as {@code gard fetch} writes it (before this release, every 200 a full
 * response): the same records in the same order, but each page response whose payload (same digest, decoded alike)
 * was captured before, in an earlier fetch folder of raw/ or earlier in the file, becomes a WARC 1.1
 * identical-payload-digest revisit, as the fetcher now writes them. The revisit keeps the response's record id,
 * HTTP status line and headers: the manifests and the later fetches that refer to that id still find it, and
 * {@link Revisits} follows it to the capture. Every other record is copied byte for byte. The warcinfo record that
 * opens the file says it was packed and names the files its revisits refer to. A file whose fetch wrote revisits
 * itself (this release's fetcher, {@link #revisitsWrittenWhenFetched}) is left to be: finding its few remaining
 * repeats would read every earlier fetch.
 */
public final class FetchWarcPacker {
    /** The warcinfo field that marks a fetch's WARC file as packed. */
    private static final String PACKED_FIELD = "packed-by";

    /** A capture of a page's payload: its record, and the file holding it. */
    private record Reference(String id, String target, Instant date, Path file) {
    }

    private final Path raw;
    private final ArchiveIndex index;
    /** Earlier captures by payload (digest and encoding), from the fetch folders of raw/ taken in so far. */
    private final Map<String, Reference> earlier = new HashMap<>();
    private final Set<Path> taken = new HashSet<>();

    public FetchWarcPacker(Path raw, ArchiveIndex index) {
        this.raw = raw;
        this.index = index;
    }

    /** True for a fetch's WARC file that a pack wrote. */
    public static boolean isPacked(Path file) {
        return !ArchiveIndex.warcinfoValues(file, PACKED_FIELD).isEmpty();
    }

    /**
     * True for a fetch's WARC file whose fetch wrote revisits of identical payloads itself (this release's fetcher does):
     * a pack would only look through every earlier fetch for the few repeats it left, so it leaves the file as it is.
     */
    public static boolean revisitsWrittenWhenFetched(Path file) {
        return !ArchiveIndex.warcinfoValues(file, FetchWarcWriter.REVISITS_FIELD).isEmpty();
    }

    /** The WARC files of a fetch folder, as a fetch writes them (a packed folder's one file is not among them). */
    public static List<Path> warcFiles(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isRegularFile).filter(ArchiveIndex::isWarcName)
                    .filter(p -> !p.getFileName().toString().equals(PackedWarc.FILE)).sorted().toList();
        }
    }

    /**
     * Writes {@code source}, a WARC file of fetch folder {@code folder} of raw/, packed, to {@code target} (a new file);
     * returns how many responses became revisits. Only captures in folders whose names sort before it are referred
     * to, so that revisits never go round in a circle. A file with a damaged record is refused: a pack keeps the
     * bytes of the fetch exactly, and those cannot be known.
     */
    public int write(Path source, String folder, Path target) throws IOException {
        takeInFoldersBefore(folder);
        List<WarcRecords.Entry> entries = index.scanned(source).entries();
        for (WarcRecords.Entry e : entries) {
            if (e.problem() != null || e.type() == null) {
                throw new IOException(source + " holds a damaged record at offset " + e.offset() + " (" + e.problem() + ")");
            }
        }
        boolean gzip = startsWithGzip(source);
        Map<String, Reference> here = new HashMap<>();
        Set<String> dependencies = new TreeSet<>();
        int revisits = 0;
        int written = 0;
        Path records = target.resolveSibling("." + target.getFileName() + ".records");
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(records, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                     StandardOpenOption.WRITE)) {
            Warcinfo info = null;
            for (int i = 0; i < entries.size(); i++) {
                WarcRecords.Entry e = entries.get(i);
                long end = i + 1 < entries.size() ? entries.get(i + 1).offset() : in.size();
                if (i == 0 && "warcinfo".equals(e.type())) {
                    info = warcinfo(source, e.offset());
                    continue;
                }
                String key = e.isDocumentResponse() && e.payloadDigest() != null && e.id() != null ? key(e) : null;
                Reference before = key == null ? null : here.containsKey(key) ? here.get(key) : earlier.get(key);
                if (before != null) {
                    // within the file, the capture is in the file written; else in a folder beside this one
                    String file = before.file().equals(source) ? target.getFileName().toString() : relative(before.file());
                    PackedFiles.write(out, revisit(source, e, before, file, gzip));
                    revisits++;
                    if (!before.file().equals(source)) {
                        dependencies.add(file);
                    }
                } else {
                    copy(in, e.offset(), end, out);
                    if (key != null) {
                        here.put(key, new Reference(e.id(), e.target(), e.date(), source));
                    }
                }
                TestPause.at("pack " + folder + ", " + ++written + " records written");
            }
            PackedFiles.assemble(target, packedInfo(info, source, dependencies, gzip), out);
        } finally {
            Files.deleteIfExists(records);
        }
        return revisits;
    }

    /** The captures of the fetch folders of raw/ before this one, taken in once each (the first capture wins). */
    private void takeInFoldersBefore(String folder) throws IOException {
        List<Path> folders;
        try (Stream<Path> children = Files.list(raw)) {
            folders = children.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().compareTo(folder) < 0).sorted().toList();
        }
        for (Path f : folders) {
            for (Path file : warcFiles(f)) {
                Path key = file.toAbsolutePath().normalize();
                if (!taken.add(key)) {
                    continue;
                }
                try {
                    for (WarcRecords.Entry e : index.scanned(key).entries()) {
                        if (e.isDocumentResponse() && e.payloadDigest() != null && e.id() != null) {
                            earlier.putIfAbsent(key(e), new Reference(e.id(), e.target(), e.date(), key));
                        }
                    }
                } catch (IOException | UnreadableArchiveException unreadable) {
                    // no capture of it is referred to; the file is refused when its own folder is packed
                }
            }
        }
    }

    /** Payloads of the same digest are the same document only when they are decoded alike. */
    private static String key(WarcRecords.Entry e) {
        WarcDigest d = new WarcDigest(e.payloadDigest());
        return d.algorithm() + ":" + d.hex() + " " + e.encoding();
    }

    /**
     * The response at e's offset as an identical-payload-digest revisit of the capture before: its own record id,
     * date, target, status line and headers; the capture's id, target, date and file.
     */
    private static byte[] revisit(Path source, WarcRecords.Entry e, Reference before, String file, boolean gzip)
            throws IOException {
        byte[] head;
        try (FileChannel ch = FileChannel.open(source, StandardOpenOption.READ); WarcReader reader = new WarcReader(ch)) {
            reader.position(e.offset());
            WarcRecord r = reader.next().orElseThrow(() -> new IOException("no WARC record at offset " + e.offset() + " of " + source));
            byte[] block = r.body().stream().readAllBytes();
            head = java.util.Arrays.copyOf(block, headLength(block));
        }
        WarcRevisit record = new WarcRevisit.Builder(e.target(), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .version(MessageVersion.WARC_1_1).recordId(URI.create(unbracketed(e.id()))).date(e.date())
                .setHeader("WARC-Refers-To", before.id())
                .setHeader("WARC-Refers-To-Target-URI", before.target())
                .setHeader("WARC-Refers-To-Date", before.date().toString())
                .setHeader("WARC-Refers-To-Filename", file)
                .blockDigest(new WarcDigest("sha256", Sha256.of(head)))
                .payloadDigest(new WarcDigest(e.payloadDigest()))
                .body(MediaType.HTTP_RESPONSE, head).build();
        return serialized(record, gzip);
    }

    /** The length of an HTTP message's head: through the blank line that ends it. */
    private static int headLength(byte[] block) throws IOException {
        for (int i = 0; i + 3 < block.length; i++) {
            if (block[i] == '\r' && block[i + 1] == '\n' && block[i + 2] == '\r' && block[i + 3] == '\n') {
                return i + 4;
            }
        }
        throw new IOException("an HTTP response without the blank line that ends its head");
    }

    private static String unbracketed(String id) {
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }

    /** A file of another fetch folder of raw/ as a WARC-Refers-To-Filename: relative to the folder that refers to it. */
    private static String relative(Path file) {
        Path to = file.toAbsolutePath().normalize();
        return "../" + to.getParent().getFileName() + "/" + to.getFileName();
    }

    private static Warcinfo warcinfo(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); WarcReader reader = new WarcReader(ch)) {
            reader.position(offset);
            return reader.next().filter(r -> r instanceof Warcinfo).map(r -> (Warcinfo) r).orElse(null);
        }
    }

    /** The fetch's own warcinfo fields, then that it was packed and the other files its revisits refer to. */
    private static byte[] packedInfo(Warcinfo original, Path source, Set<String> dependencies, boolean gzip) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (original != null) {
            original.fields().map().forEach((k, v) -> fields.put(k, new ArrayList<>(v)));
        }
        fields.put(PACKED_FIELD, List.of("gard-pipeline pack: page responses whose payload was captured before are "
                + "identical-payload-digest revisits, under their own record ids"));
        fields.put(PackedWarc.DEPENDENCY_FIELD, List.copyOf(dependencies));
        Warcinfo.Builder b = new Warcinfo.Builder().version(MessageVersion.WARC_1_1)
                .date(original == null ? Instant.now() : original.date()).filename(source.getFileName().toString()).fields(fields);
        return serialized(b.build(), gzip);
    }

    private static byte[] serialized(WarcRecord record, boolean gzip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), gzip ? WarcCompression.GZIP : WarcCompression.NONE)) {
            writer.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void copy(FileChannel in, long from, long to, FileChannel out) throws IOException {
        for (long at = from; at < to; ) {
            at += in.transferTo(at, to - at, out);
        }
    }

    private static boolean startsWithGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            return false;
        }
    }
}
