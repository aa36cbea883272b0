package org.gardpipeline.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.gardpipeline.model.Sha256;
import org.gardpipeline.store.FetchSpan;

/** Writes the Frictionless Data Package that describes the CSV files, from the same {@link Table}s. */
final class DataPackage {
    static final String FILE = "datapackage.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DataPackage() {
    }

    static void write(Path file, List<Table> tables, FetchSpan span, String toolVersion, ExportOptions options)
            throws IOException {
        Path folder = file.getParent();
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
            ObjectNode r = resource(t, options);
            Path csv = folder.resolve(t.file());
            r.put("bytes", Files.size(csv));
            r.put("hash", "sha256:" + sha256(csv));
            resources.add(r);
        }
        JSON.writeValue(file.toFile(), root);
    }

    /**
     * True when the folder holds the export this package would describe: written by this version of the tool,
     * with these options, from a database of this span of fetches (the newest ingest dates it), and every file
     * still of the size and hash recorded. Any doubt (no package, a file edited or gone) is false.
     */
    static boolean isCurrent(Path folder, List<Table> tables, FetchSpan span, String toolVersion, ExportOptions options) {
        try {
            JsonNode root = JSON.readTree(folder.resolve(FILE).toFile());
            JsonNode fetches = root.path("fetches");
            boolean sameSource = fetches.path("count").asInt(-1) == span.count()
                    && Objects.equals(text(fetches, "first"), span.first())
                    && Objects.equals(text(fetches, "last"), span.last())
                    && Objects.equals(text(root, "created"), span.lastIngestedAt())
                    && Objects.equals(text(root.path("generator"), "version"), toolVersion)
                    && Objects.equals(text(root, "as_of"), options.asOf());
            JsonNode resources = root.path("resources");
            if (!sameSource || resources.size() != tables.size()) {
                return false;
            }
            for (int i = 0; i < tables.size(); i++) {
                if (!sameFile(resources.get(i), tables.get(i), folder, options)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private static boolean sameFile(JsonNode resource, Table table, Path folder, ExportOptions options) throws IOException {
        Path csv = folder.resolve(table.file());
        return table.file().equals(text(resource, "path"))
                && encoding(options).equals(text(resource, "encoding"))
                && Files.isRegularFile(csv)
                && Files.size(csv) == resource.path("bytes").asLong(-1)
                && ("sha256:" + sha256(csv)).equals(text(resource, "hash"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.hex(in);
        }
    }

    private static String encoding(ExportOptions options) {
        return options.excel() ? "utf-8-sig" : "utf-8";
    }

    private static ObjectNode resource(Table t, ExportOptions options) {
        ObjectNode r = JSON.createObjectNode();
        r.put("name", t.resourceName());
        r.put("path", t.file());
        r.put("profile", "tabular-data-resource");
        r.put("description", t.description());
        r.put("format", "csv");
        r.put("mediatype", "text/csv");
        r.put("encoding", encoding(options));
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
