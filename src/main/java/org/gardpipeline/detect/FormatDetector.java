package org.gardpipeline.detect;

import java.util.Optional;
import java.util.regex.Pattern;
import org.gardpipeline.model.Format;

/** Recognises a document's format from its text, never from its file name. */
public final class FormatDetector {
    private static final Pattern LAST_UPDATED_LINE =
            Pattern.compile("(?im)^\\s*Last updated:\\s*\\d{1,2}/\\d{1,2}/\\d{4}\\s*$");
    private static final int SNIFF_CHARS = 4096;

    private FormatDetector() {
    }

    /** The format of the text, or empty when it is none the pipeline knows. */
    public static Optional<Format> detect(String text) {
        String head = text.substring(0, Math.min(text.length(), SNIFF_CHARS)).stripLeading();
        if (head.startsWith("<?xml") || head.startsWith("<Document")) {
            return head.contains("<Document") && head.contains("<QAPairs") || text.contains("<QAPairs")
                    ? Optional.of(Format.MEDQUAD_XML) : Optional.empty();
        }
        if (head.startsWith("<")) {
            return detectHtml(text);
        }
        if (LAST_UPDATED_LINE.matcher(text).find()
                || head.contains("Genetic and Rare Diseases Information Center")) {
            return Optional.of(Format.ANSWER_TEXT);
        }
        return Optional.empty();
    }

    private static Optional<Format> detectHtml(String text) {
        if (text.contains("ng-version") || text.contains("_ngcontent-") || text.contains("scully")) {
            return Optional.of(Format.GARD_2022_HTML);
        }
        if (LAST_UPDATED_LINE.matcher(text.replaceAll("<[^>]{0,500}>", "\n")).find()) {
            return Optional.of(Format.QA_HTML);
        }
        return Optional.empty();
    }
}
