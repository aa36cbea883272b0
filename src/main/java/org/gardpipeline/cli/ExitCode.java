package org.gardpipeline.cli;

/** The exit codes of DESIGN.md, which schedulers rely on. */
final class ExitCode {
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int QUARANTINED = 3;
    static final int LOCKED = 4;
    /** A fetch would rewrite much of the history: nothing of it was committed; a person must look. */
    static final int HELD = 5;

    private ExitCode() {
    }
}
