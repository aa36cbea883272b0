package org.gardpipeline.store;

import java.util.Arrays;
import java.util.List;

/**
 * The listing of the files a fetch was read from, kept once their bytes proved the same (see
 * {@code files.FileFingerprint}), with the files outside its folder that the listing took in: the packed files of
 * earlier folders its revisits refer to, relative to the folder with '/' between names.
 *
 * @param sha256       the listing
 * @param dependencies the files beyond the folder; null when not known (a listing kept by an earlier release)
 */
public record FetchListing(String sha256, List<String> dependencies) {
    public FetchListing {
        dependencies = dependencies == null ? null : List.copyOf(dependencies);
    }

    /** One a line, as the fetch table keeps them ('' for none). */
    String dependencyLines() {
        return dependencies == null ? null : String.join("\n", dependencies);
    }

    static List<String> dependenciesOf(String lines) {
        return lines == null ? null : lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
    }
}
