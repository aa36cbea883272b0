package org.gardpipeline.cli;

import org.gardpipeline.review.ChangeGuard;
import picocli.CommandLine.Option;

/** {@code --max-change-share} and {@code --accept-held}: when a fetch is held for review rather than committed. */
final class GuardOptions {
    @Option(names = "--max-change-share", paramLabel = "SHARE",
            description = "hold for review (exit 5) a fetch that would mark more than this share (0 to 1) of the "
                    + "answers it touches as changed or removed (default: ${DEFAULT-VALUE})",
            defaultValue = "" + ChangeGuard.DEFAULT_MAX_CHANGE_SHARE)
    double maxChangeShare;

    @Option(names = "--accept-held", description = "commit the fetches that would be held for review, after you "
            + "have looked at the report of the run that held them; the history is then what an unguarded ingest gives")
    boolean acceptHeld;

    ChangeGuard guard() {
        try {
            return new ChangeGuard(maxChangeShare, acceptHeld);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--max-change-share " + maxChangeShare + " is not a share: give a number from 0 "
                    + "to 1, such as 0.2 for a fifth of the answers");
        }
    }
}
