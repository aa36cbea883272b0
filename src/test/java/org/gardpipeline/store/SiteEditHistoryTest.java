package org.gardpipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gardpipeline.FetchSeries;
import org.gardpipeline.SiteEdits;
import org.gardpipeline.TestDb;
import org.gardpipeline.ingest.FetchSource;
import org.gardpipeline.ingest.Ingester;
import org.gardpipeline.model.IngestSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetch series made from the real 2022 pages of raw/, edited the way a new build or an editor would. */
class SiteEditHistoryTest {
    private static final Path SITE = Path.of("raw/2022-12-20-site");

    @TempDir
    Path dir;

    private Path fetch(String name, java.util.function.BiFunction<String, String, String> edit) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> pages = Files.list(SITE)) {
            for (Path p : (Iterable<Path>) pages.filter(p -> !p.getFileName().toString().endsWith(".properties"))::iterator) {
                String html = Files.readString(p, StandardCharsets.UTF_8);
                Files.writeString(folder.resolve(p.getFileName()), edit.apply(p.getFileName().toString(), html), StandardCharsets.UTF_8);
            }
        }
        return folder;
    }

    private IngestSummary ingest(Path db, Path folder) {
        try (HistoryStore store = HistoryStore.open(db)) {
            return new Ingester(store).ingest(FetchSource.open(folder, FetchSource.Overrides.NONE));
        }
    }

    @Test
    void aCosmeticRebuildOfTheSiteCreatesNoVersion() throws IOException {
        Path db = dir.resolve("gard.sqlite");
        ingest(db, fetch("2022-12-20", (name, html) -> html));
        long versions = TestDb.count(db, "SELECT count(*) FROM answer_versions");
        IngestSummary rebuilt = ingest(db, fetch("2023-01-10", (name, html) -> SiteEdits.cosmeticVariant(html)));
        assertEquals(List.of(0, 0, 0, 0), List.of(rebuilt.added(), rebuilt.changed(), rebuilt.removed(), rebuilt.restored()));
        assertEquals(versions, TestDb.count(db, "SELECT count(*) FROM answer_versions"));
        assertEquals(7, rebuilt.parsed());
    }

    @Test
    void editingOneSentenceOfOneSectionIsOneChangeOnThatSlot() throws IOException {
        Path db = dir.resolve("gard.sqlite");
        ingest(db, fetch("2022-12-20", (name, html) -> html));
        String sentence = "prevents blood clots from forming properly.";
        IngestSummary edited = ingest(db, fetch("2023-01-10", (name, html) -> name.equals("factor-v-deficiency")
                ? FetchSeries.edit(html, sentence, "keeps blood from clotting properly.") : html));
        assertEquals(1, edited.changed());
        List<Map<String, Object>> changes = TestDb.rows(db, "SELECT * FROM answer_changes WHERE fetched_at = '2023-01-10'");
        assertEquals(1, changes.size());
        assertEquals("gard-2237", changes.get(0).get("page_key"));
        assertEquals("summary", changes.get(0).get("slot_key"));
        assertEquals(List.of(1, 0, 0), List.of(changes.get(0).get("text_changed"), changes.get(0).get("date_changed"),
                changes.get(0).get("references_changed")));
        assertTrue(((String) TestDb.rows(db, "SELECT answer_text FROM current_answers WHERE page_key = 'gard-2237' "
                + "AND slot_key = 'summary'").get(0).get("answer_text")).contains("keeps blood from clotting properly."));
    }
}
