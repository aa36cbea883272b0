package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.gardpipeline.Fixtures;
import org.gardpipeline.TestDb;
import org.gardpipeline.cli.CommandLineRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of the release before runs (schema 4) migrates in place to the same history: every table and view
 * it had, now a table or a view, gives the same rows with the same columns, its CSV export is byte for byte the
 * one that release wrote, and every check holds. The database and its dump are described beside them.
 */
class RunsMigrationTest {
    private static final String DIR = "databases/schema-4-history/";

    @TempDir
    Path dir;

    private Path migrated() {
        Path db = dir.resolve("gard.sqlite");
        try {
            Files.write(db, Fixtures.bytes(DIR + "gard.sqlite"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        HistoryStore.open(db).close();
        return db;
    }

    @Test
    void everyRelationOfBeforeGivesTheSameRows() throws IOException {
        String before;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(Fixtures.bytes(DIR + "relations.txt.gz")))) {
            before = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path db = migrated();
        List<RelationDump.Relation> relations = new ArrayList<>();
        for (String line : before.split("\n")) {
            if (line.startsWith("== ")) {
                relations.add(RelationDump.Relation.parse(line));
            }
        }
        assertEquals(30, relations.size());
        for (RelationDump.Relation r : relations) {
            String expected = before.substring(before.indexOf(r.header() + "\n"));
            int next = expected.indexOf("\n== ");
            expected = next < 0 ? expected : expected.substring(0, next + 1);
            assertEquals(expected, RelationDump.rows(db, r), r.name());
        }
    }

    @Test
    void theExportIsTheOneThatReleaseWrote() throws IOException {
        Path db = migrated();
        Path out = dir.resolve("out");
        CommandLineRun export = CommandLineRun.of("export", "--db", db.toString(), "--out", out.toString());
        assertEquals(0, export.exitCode(), export.err());
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources", DIR, "csv"))) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(7, files.size());
        for (String name : files) {
            String before = new String(Fixtures.bytes(DIR + "csv/" + name), StandardCharsets.UTF_8);
            assertEquals(before, projected(Files.readString(out.resolve(name), StandardCharsets.UTF_8), before), name);
        }
    }

    /**
     * The CSV text with only the columns the release before wrote, in its order, and in its CSV format: a later
     * schema may add columns (references.csv gained the reference's parts), never change what the old ones hold.
     */
    private static String projected(String now, String before) throws IOException {
        org.apache.commons.csv.CSVFormat format = org.apache.commons.csv.CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).get();
        List<String> columns;
        try (org.apache.commons.csv.CSVParser old = org.apache.commons.csv.CSVParser.parse(before, format)) {
            columns = old.getHeaderNames();
        }
        StringBuilder sb = new StringBuilder();
        try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.parse(now, format);
             org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(sb,
                     org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new))
                             .setRecordSeparator(before.contains("\r\n") ? "\r\n" : "\n").get())) {
            for (org.apache.commons.csv.CSVRecord r : parser) {
                List<String> row = new ArrayList<>();
                columns.forEach(c -> row.add(r.get(c)));
                printer.printRecord(row);
            }
        }
        return sb.toString();
    }

    @Test
    void theMigratedDatabasePassesEveryCheck() {
        Path db = migrated();
        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals(List.of(), store.check());
            // its parses, its quarantined document's among them, are those of today's parsers: nothing to derive again
            // its parses are the release before's: this release's MedQuAD and 2022 parsers give other pages, so the
            // next run derives its history again (ParserVersionUpgradeTest)
            assertEquals(List.of("quarantined 4 -> 9", "answer-text 1 -> 2", "gard-2022-html 1 -> 2", "medquad-xml 1 -> 2"),
                    store.parserDrift().changes());
        }
        assertEquals(Database.SCHEMA_VERSION, TestDb.count(db, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history"));
    }
}
