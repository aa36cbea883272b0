/**
 * Raw input: reads a fetch (folder or file) with its date and options, and parses its documents; packs ingested
 * fetch folders into deduplicated WARC files that read back as the same documents ({@link
 * org.gardpipeline.ingest.FetchPacker}, {@link org.gardpipeline.ingest.PackedWarc}).
 */
package org.gardpipeline.ingest;
