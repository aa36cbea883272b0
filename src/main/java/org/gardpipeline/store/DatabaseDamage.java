package org.gardpipeline.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Tells a damaged SQLite file (cut short by a full disk or an interrupted copy, or overwritten) before anything
 * opens it, and recognises SQLite's own word for it afterwards, so that every command refuses it in one line
 * instead of failing on the first page it cannot read.
 */
final class DatabaseDamage {
    private static final int HEADER_BYTES = 100;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private DatabaseDamage() {
    }

    /**
     * Why a file that starts with SQLite's magic string cannot be whole, read from its 100-byte header (the
     * file format's section 1.3); null when the header looks whole. The page count in the header is trusted only
     * when SQLite marked it valid, and not while a write-ahead log beside the file may still hold pages a
     * checkpoint had not yet copied in.
     */
    static String fromHeader(Path file) throws IOException {
        long size = Files.size(file);
        if (size < HEADER_BYTES) {
            return "it ends after " + size + " bytes, inside SQLite's " + HEADER_BYTES + "-byte header";
        }
        byte[] h;
        try (InputStream in = Files.newInputStream(file)) {
            h = in.readNBytes(HEADER_BYTES);
        }
        int pageSize = (h[16] & 0xff) << 8 | h[17] & 0xff;
        pageSize = pageSize == 1 ? 65_536 : pageSize;
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            return "its header gives no valid page size";
        }
        long pages = u32(h, 28);
        long expected = pages * pageSize;
        Path wal = Path.of(file + "-wal");
        boolean walHoldsPages = Files.exists(wal) && Files.size(wal) > 0;
        if (u32(h, 92) == u32(h, 24) && pages > 0 && size < expected && !walHoldsPages) {
            return "truncated: " + size + " of the " + expected + " bytes its header gives";
        }
        return null;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xffL) << 24 | (b[at + 1] & 0xffL) << 16 | (b[at + 2] & 0xffL) << 8 | b[at + 3] & 0xffL;
    }

    /** SQLite's error in the chain when it says the file is damaged (corrupt, or no database), else null. */
    static SQLException sqliteSaysDamaged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == SQLITE_CORRUPT || s.getErrorCode() == SQLITE_NOTADB)) {
                return s;
            }
        }
        return null;
    }

    /** The one-line refusal: the file, that it is damaged and why, that nothing was written, and what to do. */
    static StoreException refusal(Path file, String why, Throwable cause) {
        return new StoreException("database " + file + " is damaged (" + why + "); nothing was written to it: restore "
                + "your last ./gard backup copy (docs/operations.md, Recovering) and run ./gard check on it", true, cause);
    }

    /** The refusal when SQLite found the damage, with SQLite's words as the reason. */
    static StoreException refusal(Path file, SQLException sqlite) {
        String message = String.valueOf(sqlite.getMessage());
        int reason = message.lastIndexOf('(');
        String why = reason >= 0 && message.endsWith(")") ? message.substring(reason + 1, message.length() - 1) : message;
        return refusal(file, "SQLite: " + why.strip(), sqlite);
    }
}
