package org.gardpipeline.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.PageRef;
import org.gardpipeline.store.VersionRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true, description = "The versions of a page's answers.")
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PAGE", description = "GARD id, page key, slug, title or other name")
    String page;

    @Option(names = "--topic", paramLabel = "T", description = "only this topic (or slot key)")
    String topic;

    @Option(names = "--json", description = "JSON for scripts")
    boolean json;

    @Mixin
    DatabaseOption database;

    @Mixin
    ColourOption colour;

    @Override
    public Integer call() {
        try (HistoryStore store = HistoryStore.openExisting(database.db)) {
            PageRef ref = PageLookup.page(store, page);
            List<VersionRecord> versions = PageLookup.versions(store, ref, topic);
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? Json.write(json(ref, versions)) : text(ref, versions, colour.enabled()));
            return ExitCode.DONE;
        }
    }

    private static String text(PageRef ref, List<VersionRecord> versions, boolean colour) {
        StringBuilder sb = new StringBuilder();
        sb.append(bold(ref.title(), colour)).append("  ").append(ref.pageKey()).append('\n');
        String slot = null;
        for (VersionRecord v : versions) {
            boolean first = !v.slotKey().equals(slot);
            if (first) {
                slot = v.slotKey();
                sb.append('\n').append(bold(v.topic() + "  " + v.slotKey(), colour)).append('\n');
            }
            sb.append(String.format("  v%-6d %-10s .. %-10s  last updated %-10s  %-8s %s%n", v.versionId(), v.validFrom(),
                    v.validTo() == null ? (v.present() ? "now" : "removed") : v.validTo(),
                    v.lastUpdated() == null ? "-" : v.lastUpdated(), v.startedBy(first),
                    flags(v)));
            sb.append("           ").append(v.question()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static String flags(VersionRecord v) {
        if (!"changed".equals(v.change()) && !"restored".equals(v.change())) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(v.textChanged() ? "text " : "").append(v.dateChanged() ? "date " : "").append(v.referencesChanged() ? "references" : "");
        return sb.toString().trim();
    }

    private static String bold(String s, boolean colour) {
        return colour ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    private static ObjectNode json(PageRef ref, List<VersionRecord> versions) {
        ObjectNode root = Json.object();
        root.put("page_key", ref.pageKey());
        root.put("gard_id", ref.gardId());
        root.put("title", ref.title());
        ArrayNode list = root.putArray("versions");
        for (VersionRecord v : versions) {
            ObjectNode n = list.addObject();
            n.put("version_id", v.versionId());
            n.put("slot_key", v.slotKey());
            n.put("topic", v.topic());
            n.put("question", v.question());
            n.put("valid_from", v.validFrom());
            n.put("valid_to", v.validTo());
            n.put("current", v.present());
            n.put("change", v.change());
            n.put("text_changed", v.textChanged());
            n.put("date_changed", v.dateChanged());
            n.put("references_changed", v.referencesChanged());
            n.put("last_updated", v.lastUpdated());
            n.put("answer_text", v.answerText());
        }
        return root;
    }
}
