package org.gardpipeline.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gardpipeline.diff.ChangeSummary;
import org.gardpipeline.diff.PhraseDiff;
import org.gardpipeline.store.HistoryStore;
import org.gardpipeline.store.PageRef;
import org.gardpipeline.store.ReportQueries;
import org.gardpipeline.store.VersionRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"The difference between two versions of an answer: by default the newest and the one before it.",
                "The text is compared word by word and runs of small edits are shown as one replaced passage "
                        + "([-deleted-]{+inserted+}, or colours with --color); changes of the stated date and of the "
                        + "references (by citation) are listed above it."})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PAGE", description = "GARD id, page key, slug, title or other name")
    String page;

    @Option(names = "--topic", paramLabel = "T", required = true, description = "the topic (or slot key) of the answer")
    String topic;

    @Option(names = "--from", paramLabel = "DATE", description = "the version valid on this date (default: the one before --to)")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "the version valid on this date (default: the newest)")
    String to;

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
            // a topic names its standard slot ("causes") first; questions of their own with that topic come after
            if (versions.stream().anyMatch(v -> v.slotKey().equals(topic))) {
                versions = versions.stream().filter(v -> v.slotKey().equals(topic)).toList();
            }
            String slot = versions.get(0).slotKey();
            if (versions.stream().anyMatch(v -> !v.slotKey().equals(slot))) {
                throw new UsageException("page " + ref.pageKey() + " has several answers of topic '" + topic
                        + "'; give a slot key with --topic (see ./gard history " + page + ")");
            }
            int newer = to == null ? versions.size() - 1 : validOn(versions, to, "--to");
            int older = from == null ? Math.max(0, newer - 1) : validOn(versions, from, "--from");
            VersionRecord a = versions.get(older);
            VersionRecord b = versions.get(newer);
            List<PhraseDiff.Run> runs = PhraseDiff.between(a.answerText(), b.answerText());
            Map<Long, List<ReportQueries.VersionReference>> refs = new ReportQueries(store).references(ref);
            ChangeSummary summary = ChangeSummary.between(a.lastUpdated(), b.lastUpdated(), citations(refs, a),
                    citations(refs, b));
            spec.commandLine().getOut().println(json ? Json.write(json(ref, a, b, runs, summary))
                    : text(ref, a, b, runs, summary, colour.enabled()));
            return ExitCode.DONE;
        }
    }

    /** The index of the version valid on a date: the newest whose validity started on or before it. */
    private int validOn(List<VersionRecord> versions, String date, String option) {
        String day = IsoDate.parse(date, option);
        int found = -1;
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).validFrom().substring(0, 10).compareTo(day) <= 0) {
                found = i;
            }
        }
        if (found < 0) {
            throw new UsageException(option + " " + day + ": no version of " + versions.get(0).slotKey() + " on that date; "
                    + "the first is from " + versions.get(0).validFrom());
        }
        return found;
    }

    private static List<String> citations(Map<Long, List<ReportQueries.VersionReference>> refs, VersionRecord v) {
        return refs.getOrDefault(v.versionId(), List.of()).stream().map(ReportQueries.VersionReference::citation).toList();
    }

    private static String text(PageRef ref, VersionRecord a, VersionRecord b, List<PhraseDiff.Run> runs,
                               ChangeSummary summary, boolean colour) {
        String header = String.format("%s  %s  %s%n--- v%d  %s  %s%n+++ v%d  %s  %s%n",
                ref.title(), ref.pageKey(), a.slotKey(), a.versionId(), a.validFrom(), ChangeSummary.date(a.lastUpdated()),
                b.versionId(), b.validFrom(), ChangeSummary.date(b.lastUpdated()));
        if (a.versionId() == b.versionId()) {
            return header + "(the same version)";
        }
        StringBuilder sb = new StringBuilder(header);
        summary.lines().forEach(line -> sb.append(line).append(System.lineSeparator()));
        if (!summary.lines().isEmpty()) {
            sb.append(System.lineSeparator());
        }
        boolean sameText = runs.stream().allMatch(r -> r.kind() == PhraseDiff.Kind.KEPT);
        return sb.append(sameText ? "(the text is the same)" + System.lineSeparator() : "")
                .append(PhraseDiff.render(runs, colour)).toString();
    }

    private static ObjectNode json(PageRef ref, VersionRecord a, VersionRecord b, List<PhraseDiff.Run> runs,
                                   ChangeSummary summary) {
        ObjectNode root = Json.object();
        root.put("page_key", ref.pageKey());
        root.put("slot_key", a.slotKey());
        root.put("from_version", a.versionId());
        root.put("from_valid_from", a.validFrom());
        root.put("from_last_updated", a.lastUpdated());
        root.put("to_version", b.versionId());
        root.put("to_valid_from", b.validFrom());
        root.put("to_last_updated", b.lastUpdated());
        ArrayNode removed = root.putArray("references_removed");
        summary.referencesRemoved().forEach(removed::add);
        ArrayNode added = root.putArray("references_added");
        summary.referencesAdded().forEach(added::add);
        ArrayNode list = root.putArray("runs");
        for (PhraseDiff.Run r : runs) {
            list.addObject().put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT)).put("text", r.text());
        }
        return root;
    }
}
