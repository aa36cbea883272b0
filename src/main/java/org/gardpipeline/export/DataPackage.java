package org.gardpipeline.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gardpipeline.store.FetchSpan;
import org.gardpipeline.store.ReportQueries.FetchOrigin;

/** Writes the Frictionless Data Package that describes the CSV files, from the same {@link Table}s. */
final class DataPackage {
    static final String FILE = "datapackage.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DataPackage() {
    }

    /** Words a catalogue can find the dataset by. */
    private static final List<String> KEYWORDS = List.of("rare diseases", "GARD", "NIH", "NCATS",
            "health information", "patient information", "web archive", "change history", "versioned text");

    static void write(Path file, List<Table> tables, FetchSpan span, List<FetchOrigin> origins, String toolVersion,
                      ExportOptions options) throws IOException {
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
        // The newest fetch, not the wall clock, dates the package, so two exports of one database are identical;
        // a database with no fetches has no date, and the profile refuses a null one.
        if (span.lastIngestedAt() != null) {
            root.put("created", span.lastIngestedAt());
        }
        if (options.asOf() != null) {
            root.put("as_of", options.asOf());
        }
        provenance(root, origins, toolVersion);
        ObjectNode tool = root.putObject("generator");
        tool.put("name", "gard-pipeline");
        tool.put("version", toolVersion);
        ArrayNode resources = root.putArray("resources");
        for (Table t : tables) {
            resources.add(resource(t, options));
        }
        JSON.writeValue(file.toFile(), root);
    }

    /**
     * Licences, sources, keywords and contributors. Each fetch is a source, with the licence of what its
     * documents are (by format: GARD's pages, MedQuAD's files); the package carries every licence of the data
     * it holds. The profile refuses empty arrays, so a list with nothing in it is left out.
     */
    private static void provenance(ObjectNode root, List<FetchOrigin> origins, String toolVersion) {
        Set<Publisher> publishers = EnumSet.noneOf(Publisher.class);
        ArrayNode sources = JSON.createArrayNode();
        for (FetchOrigin o : origins) {
            Set<Publisher> ofFetch = EnumSet.noneOf(Publisher.class);
            o.formats().forEach(f -> ofFetch.add(Publisher.of(f)));
            publishers.addAll(ofFetch);
            String fetch = "fetch " + o.fetchedAt() + (o.label().isEmpty() ? "" : " " + o.label());
            if (ofFetch.isEmpty()) {
                // Nothing of it could be parsed, so nothing of it is in the data; it is still a source read.
                sources.addObject().put("title", fetch + ": " + (o.source() == null ? "no source recorded" : o.source())
                        + " (no document parsed)");
            }
            for (Publisher p : ofFetch) {
                ObjectNode source = sources.addObject();
                source.put("title", p.title() + ": " + fetch + (o.source() == null ? "" : ", " + o.source()));
                source.put("path", p.path());
                source.put("fetched_at", o.fetchedAt());
                source.put("label", o.label());
                licences(source.putArray("licenses"), EnumSet.of(p));
            }
        }
        if (!publishers.isEmpty()) {
            licences(root.putArray("licenses"), publishers);
        }
        if (!sources.isEmpty()) {
            root.set("sources", sources);
        }
        ArrayNode keywords = root.putArray("keywords");
        KEYWORDS.forEach(keywords::add);
        if (publishers.contains(Publisher.MEDQUAD)) {
            keywords.add("MedQuAD");
        }
        ArrayNode contributors = root.putArray("contributors");
        for (Publisher p : publishers) {
            contributors.addObject().put("title", p.title()).put("path", p.path()).put("role", "author");
        }
        contributors.addObject().put("title", "gard-pipeline " + toolVersion).put("role", "wrangler");
    }

    private static void licences(ArrayNode into, Set<Publisher> publishers) {
        for (Publisher p : publishers) {
            into.addObject().put("name", p.licence().name()).put("title", p.licence().title())
                    .put("path", p.licence().path());
        }
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
        // made with the first key: the Table Schema profile refuses an empty list of foreign keys
        for (Table.ForeignKey fk : t.foreignKeys()) {
            ObjectNode node = schema.withArrayProperty("foreignKeys").addObject();
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
