package org.gardpipeline.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gardpipeline.store.PageRef;
import org.gardpipeline.store.ReportQueries.ChangeRow;

/**
 * The Atom 1.0 feed (RFC 4287) of what changed: one entry per fetch and page, newest first, each linking to the
 * page of its disease in the report. Its dates are the fetches' own, so the same database gives the same feed.
 */
final class ChangeFeed {
    static final String FILE = "changes.atom";
    /** Entries kept: a feed reader needs the recent ones; the report holds them all. */
    static final int ENTRIES = 500;
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** The date of a feed with no fetches: Atom requires one, and the clock would make two runs differ. */
    private static final String NO_DATE = "1970-01-01T00:00:00Z";

    private ChangeFeed() {
    }

    static void write(OutputStream out, List<PageChanges> changes, String newestFetch, Map<PageRef, String> pageFiles,
                      String reportFolder, String toolVersion) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            x.writeCharacters("\n");
            element(x, "  ", "id", uuid("gard-pipeline changes feed"));
            element(x, "  ", "title", "GARD answer changes");
            element(x, "  ", "subtitle", "Answers of the NIH Genetic and Rare Diseases Information Center that were "
                    + "added, changed, removed or restored, per fetch and disease.");
            element(x, "  ", "updated", newestFetch == null ? NO_DATE : timestamp(newestFetch));
            link(x, "  ", "self", FILE, "application/atom+xml");
            link(x, "  ", "alternate", reportFolder + "/index.html", "text/html");
            x.writeCharacters("  ");
            x.writeStartElement("author");
            x.writeStartElement("name");
            x.writeCharacters("gard-pipeline");
            x.writeEndElement();
            x.writeEndElement();
            x.writeCharacters("\n  ");
            x.writeStartElement("generator");
            x.writeAttribute("version", toolVersion);
            x.writeCharacters("gard-pipeline");
            x.writeEndElement();
            x.writeCharacters("\n");
            for (PageChanges c : changes.subList(0, Math.min(ENTRIES, changes.size()))) {
                entry(x, c, reportFolder + "/" + pageFiles.get(c.page()));
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the feed: " + e.getMessage(), e);
        }
    }

    private static void entry(XMLStreamWriter x, PageChanges c, String href) throws XMLStreamException {
        x.writeCharacters("  ");
        x.writeStartElement("entry");
        x.writeCharacters("\n");
        element(x, "    ", "id", uuid("gard-pipeline change " + c.fetchedAt() + "|" + c.label() + "|" + c.page().pageKey()));
        element(x, "    ", "title", c.page().title() + ": " + c.summary());
        element(x, "    ", "updated", timestamp(c.fetchedAt()));
        link(x, "    ", "alternate", href, "text/html");
        String gard = DiseasePage.gardUrl(c.page());
        if (gard != null) {
            link(x, "    ", "related", gard, "text/html");
        }
        StringBuilder summary = new StringBuilder("Fetch of " + c.fetchedAt() + (c.label().isEmpty() ? "" : " (" + c.label() + ")")
                + ", " + c.page().title() + " (" + c.page().pageKey() + "):");
        for (ChangeRow r : c.slots()) {
            summary.append("\n").append(PageChanges.describe(r));
        }
        element(x, "    ", "summary", summary.toString());
        x.writeCharacters("  ");
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static void element(XMLStreamWriter x, String indent, String name, String text) throws XMLStreamException {
        x.writeCharacters(indent);
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static void link(XMLStreamWriter x, String indent, String rel, String href, String type) throws XMLStreamException {
        x.writeCharacters(indent);
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
        x.writeCharacters("\n");
    }

    /** A stable id: the same fetch and page give the same entry id in every run (a name-based UUID). */
    static String uuid(String name) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** A fetch date as an RFC 3339 timestamp: a date is its midnight UTC; a date-time without offset is UTC. */
    static String timestamp(String fetchedAt) {
        try {
            if (fetchedAt.length() == 10) {
                return LocalDate.parse(fetchedAt) + "T00:00:00Z";
            }
            try {
                return OffsetDateTime.parse(fetchedAt).withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(fetchedAt).toInstant(ZoneOffset.UTC).toString();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("fetch date " + fetchedAt + " is not an ISO-8601 date or date-time", e);
        }
    }
}
