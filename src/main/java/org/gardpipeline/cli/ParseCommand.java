package org.gardpipeline.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gardpipeline.model.Answer;
import org.gardpipeline.model.Page;
import org.gardpipeline.model.ParsedPage;
import org.gardpipeline.model.Phenotype;
import org.gardpipeline.model.Reference;
import org.gardpipeline.parse.NotAPageException;
import org.gardpipeline.parse.ParseException;
import org.gardpipeline.parse.Parsers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Print what the parsers extract from one file, as JSON, touching no database, with the "
                + "landmarks of its layout that the parser found. "
                + "Exits 3 when the file would be quarantined, with the reason on stderr.")
final class ParseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a GARD document (answer text, 2022 HTML, MedQuAD XML, Q&A HTML, API record)")
    Path file;

    @Override
    public Integer call() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            ParsedPage parsed = Parsers.parseWithLayout(bytes, file.getFileName().toString());
            ObjectNode json = json(parsed.page());
            ObjectNode layout = json.putObject("layout");
            ArrayNode landmarks = layout.putArray("landmarks");
            parsed.layout().landmarks().forEach(landmarks::add);
            layout.put("outline_sha256", parsed.layout().outline());
            spec.commandLine().getOut().println(Json.write(json));
            return ExitCode.DONE;
        } catch (NotAPageException e) {
            spec.commandLine().getErr().println("skipped: " + file + ": " + e.getMessage());
            return ExitCode.DONE;
        } catch (ParseException e) {
            spec.commandLine().getErr().println("quarantined: " + file + ": " + e.getMessage());
            return ExitCode.QUARANTINED;
        }
    }

    static ObjectNode json(Page page) {
        ObjectNode root = Json.object();
        root.put("format", page.format().key());
        root.put("gard_id", page.gardId());
        root.put("slug", page.slug());
        root.put("title", page.title());
        ArrayNode synonyms = root.putArray("synonyms");
        page.synonyms().forEach(synonyms::add);
        root.put("inquiry", page.inquiry());
        ObjectNode facts = root.putObject("facts");
        page.facts().forEach(facts::put);
        ArrayNode answers = root.putArray("answers");
        for (Answer a : page.answers()) {
            ObjectNode node = answers.addObject();
            node.put("slot_key", a.slotKey());
            node.put("topic", a.topic().key());
            node.put("question", a.question());
            node.put("last_updated", a.lastUpdated() == null ? null : a.lastUpdated().toString());
            ArrayNode citations = node.putArray("citations");
            a.citations().forEach(citations::add);
            ArrayNode refs = node.putArray("references");
            // numbers into the page's list; a format whose answers each carry their own list shows it in full
            a.references().forEach(r -> {
                if (page.references().isEmpty()) {
                    reference(refs.addObject(), r);
                } else {
                    refs.add(r.number());
                }
            });
            node.put("text", a.text());
        }
        ArrayNode references = root.putArray("references");
        page.references().forEach(r -> reference(references.addObject(), r));
        ArrayNode phenotypes = root.putArray("phenotypes");
        for (Phenotype p : page.phenotypes()) {
            phenotypes.addObject().put("term", p.term()).put("frequency", p.frequency());
        }
        return root;
    }

    private static void reference(ObjectNode node, Reference r) {
        node.put("number", r.number());
        node.put("citation", r.citation());
        node.put("url", r.url());
        node.put("pmid", r.pmid());
        node.put("doi", r.doi());
        if (r.parts() != null) {
            node.put("authors", r.parts().authors());
            node.put("title", r.parts().title());
            node.put("container", r.parts().container());
            node.put("date", r.parts().date());
            node.put("volume", r.parts().volume());
            node.put("pages", r.parts().pages());
        }
    }
}
