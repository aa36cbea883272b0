package org.gardpipeline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gardpipeline.Fixtures;
import org.gardpipeline.model.PageNames;
import org.junit.jupiter.api.Test;

/** The names GARD's real list of its pages (a slice of the 2024-03-25 copy) gives each page, by GARD id. */
class SiteListNamesTest {
    @Test
    void eachPageTakesItsNameThenItsSynonymsFromTheRealList() throws Exception {
        PageNames names = SiteListNames.parse(Fixtures.bytes("gard-list/diseases.trimmed.json"));
        assertEquals(PageNames.SITE_LIST, names.source());
        assertEquals(List.of(10296L, 10299L, 7392L, 916L, 1163L, 6007L, 1561L, 6237L, 3707L, 5421L),
                List.copyOf(names.byGardId().keySet()));
        assertEquals(List.of("Caudal regression syndrome", "Caudal dysgenesis syndrome", "Caudal dysplasia",
                "Caudal regression sequence"), names.byGardId().get(6007L));
        assertEquals(13, names.byGardId().get(10299L).size(), "22q11.2 deletion syndrome and its twelve synonyms");
        assertEquals(List.of("Behavioral variant of frontotemporal dementia", "bv-FTD"), names.byGardId().get(7392L));
    }

    @Test
    void blankAndRepeatedNamesAreLeftOutAndABrokenListIsRefused() throws Exception {
        PageNames names = SiteListNames.parse(("[{\"id\":6007,\"name\":\" Caudal  regression syndrome \",\"encodedName\":\"x\","
                + "\"synonyms\":[\"\",\"Caudal regression syndrome\",\"Caudal dysplasia\"]},{\"id\":1163,\"encodedName\":\"y\"}]")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("Caudal regression syndrome", "Caudal dysplasia"), names.byGardId().get(6007L));
        assertEquals(List.of(), names.byGardId().get(1163L));
        for (String broken : List.of("{\"id\":1}", "[{\"name\":\"no id\"}]", "[{\"id\":1,\"name\":\"cut", "[{\"id\":\"6007\"}]")) {
            ParseException e = assertThrows(ParseException.class, () -> SiteListNames.parse(broken.getBytes(StandardCharsets.UTF_8)));
            assertTrue(e.getMessage().startsWith("GARD's list of pages"), e.getMessage());
        }
    }
}
