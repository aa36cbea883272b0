package org.gardpipeline.export;

import java.util.List;
import org.gardpipeline.store.Dataset;

/**
 * One CSV file of the export: which dataset it holds and how its columns are described. The CSV header and
 * the Data Package schema are both made from this, so they cannot drift.
 *
 * @param foreignKeys each as "column -> file.column"
 */
public record Table(String file, Dataset dataset, String description, List<Field> fields, List<String> primaryKey,
                    List<ForeignKey> foreignKeys) {

    /** A column whose values are keys of another file's rows. */
    public record ForeignKey(List<String> fields, String resource, List<String> referencedFields) {
    }

    public String resourceName() {
        return file.substring(0, file.length() - ".csv".length()).replace('_', '-');
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }
}
