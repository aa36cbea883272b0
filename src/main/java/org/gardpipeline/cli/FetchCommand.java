package org.gardpipeline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gardpipeline.fetch.FetchFolder;
import org.gardpipeline.fetch.Manifest;
import org.gardpipeline.fetch.PageFetcher;
import org.gardpipeline.fetch.SiteList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch GARD pages over HTTP into a new fetch folder <out>/<YYYY-MM-DD>-fetch[-n]/ holding "
                + FetchFolder.WARC_FILE + ", " + Manifest.FILE + " and " + FetchFolder.PROPERTIES_FILE
                + ". Without --ids, --urls or --sitemap, every page GARD's list (<base-url>" + SiteList.PATH
                + ") names: a complete fetch. A page unchanged since its latest capture is stored as a revisit. "
                + "Exits 3 when some pages failed (listed on stderr), 1 when the list is unusable or shrank.")
final class FetchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FetchOptions options;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "raw", description = "the folder of fetches (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        PageFetcher.Result result = options.fetch(out, spec.commandLine().getErr());
        int failed = result.failed().size();
        spec.commandLine().getOut().printf("fetched %d pages into %s: %d failed%n", result.manifest().pages().size(),
                result.folder(), failed);
        return failed > 0 ? ExitCode.QUARANTINED : ExitCode.DONE;
    }
}
