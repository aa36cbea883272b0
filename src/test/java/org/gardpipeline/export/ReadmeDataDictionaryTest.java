package org.gardpipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's data dictionary names, for each CSV file, exactly the columns the export writes, in order. */
class ReadmeDataDictionaryTest {
    private static final Pattern COLUMN = Pattern.compile("`([a-z_0-9]+)`");

    @Test
    void everyFileOfTheExportIsListedWithItsColumns() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        for (Table table : Tables.ALL) {
            String row = readme.stream().filter(l -> l.startsWith("| `" + table.file() + "` |")).findFirst().orElse(null);
            assertNotNull(row, "README data dictionary has no row for " + table.file());
            String columnsCell = row.substring(row.lastIndexOf("| ", row.length() - 3));
            List<String> listed = new ArrayList<>();
            Matcher m = COLUMN.matcher(columnsCell);
            while (m.find()) {
                listed.add(m.group(1));
            }
            assertEquals(table.fieldNames(), listed, table.file());
        }
    }
}
