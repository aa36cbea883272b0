/**
 * Raw input: reads a fetch (folder or file) with its date and options, its WARC files through the run's {@link
 * org.gardpipeline.archive.ArchiveIndex}, and parses its documents; decides which ingested fetch folders to pack and
 * checks each packed folder against the database before it replaces the folder ({@link
 * org.gardpipeline.ingest.FetchPacker}; the WARC files are written by {@code org.gardpipeline.archive}).
 */
package org.gardpipeline.ingest;
