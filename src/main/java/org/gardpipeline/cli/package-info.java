/**
 * The command line ({@code ./gard run | fetch | ingest | export | report | parse | runs | history | diff | search | check |
 * backup | pack | publish | reparse}): options, one-line error messages and the exit codes of DESIGN.md.
 */
package org.gardpipeline.cli;
