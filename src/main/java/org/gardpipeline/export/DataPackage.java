package org.gardpipeline.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gardpipeline.store.FetchSpan;

/** Writes the Frictionless Data Package that describes the CSV files, from the same {@link Table}s. */
final class DataPackage {
    static final String FILE = "datapackage.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DataPackage() {
    }

    static void write(Path file, List<Table> tables, FetchSpan span, String toolVersion, ExportOptions options)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", "tabular-data-package");
        root.put("name", "gard-answer-history");
        root.put("title", "History of the answers of the NIH Genetic and Rare Diseases Information Center (GARD)");
        root.put("description", "What GARD said about each rare disease, as versions and change events across "
                + "fetches of the site. Written by gard-pipeline.");
        ObjectNode coverage = root.putObject("fetches");
        coverage.put("count", span.count());
        coverage.put("first", span.first());
        coverage.put("last", span.last());
        // The newest fetch, not the wall clock, dates the package, so two exports of one database are identical.
        root.put("created", span.lastIngestedAt());
        if (options.asOf() != null) {
            root.put("as_of", options.asOf());
        }
        ObjectNode tool = root.putObject("generator");
        tool.put("name", "gard-pipeline");
        tool.put("version", toolVersion);
        ArrayNode resources = root.putArray("resources");
        for (Table t : tables) {
            resources.add(resource(t, options));
        }
        JSON.writeValue(file.toFile(), root);
    }

    private static ObjectNode resource(Table t, ExportOptions options) {
        ObjectNode r = JSON.createObjectNode();
        r.put("name", t.resourceName());
        r.put("path", t.file());
        r.put("profile", "tabular-data-resource");
        r.put("description", t.description());
        r.put("format", "csv");
        r.put("mediatype", "text/csv");
        r.put("encoding", options.excel() ? "utf-8-sig" : "utf-8");
        ObjectNode schema = r.putObject("schema");
        ArrayNode fields = schema.putArray("fields");
        for (Field f : t.fields()) {
            ObjectNode field = fields.addObject();
            field.put("name", f.name());
            field.put("type", f.type());
            field.put("description", f.description());
            if (f.type().equals("boolean")) {
                field.putArray("trueValues").add("true");
                field.putArray("falseValues").add("false");
            }
        }
        ArrayNode pk = schema.putArray("primaryKey");
        t.primaryKey().forEach(pk::add);
        ArrayNode fks = schema.putArray("foreignKeys");
        for (Table.ForeignKey fk : t.foreignKeys()) {
            ObjectNode node = fks.addObject();
            ArrayNode fields2 = node.putArray("fields");
            fk.fields().forEach(fields2::add);
            ObjectNode ref = node.putObject("reference");
            ref.put("resource", fk.resource());
            ArrayNode refFields = ref.putArray("fields");
            fk.referencedFields().forEach(refFields::add);
        }
        schema.putArray("missingValues").add("");
        return r;
    }
}
