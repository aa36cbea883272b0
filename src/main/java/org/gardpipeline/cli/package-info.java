/** The command line: {@code ./gard run | ingest | export | parse | runs}, exit codes and messages. */
package org.gardpipeline.cli;
