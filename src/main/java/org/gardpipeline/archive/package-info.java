/**
 * The web archive of the raw fetches, in one place: writing a fetch's WARC file ({@link
 * org.gardpipeline.archive.FetchWarcWriter}), reading any WARC file as the captures it holds ({@link
 * org.gardpipeline.archive.ArchiveIndex}, one per run, which also resolves every revisit record, in fetched and in
 * packed folders alike), and packing a fetch folder into a deduplicated WARC file that reads back as the same
 * documents ({@link org.gardpipeline.archive.PackedWarcWriter} for folders of document files, {@link
 * org.gardpipeline.archive.FetchWarcPacker} for the WARC files {@code gard fetch} writes), replacing the folder whole
 * ({@link org.gardpipeline.archive.FolderReplacement}). It knows WARC records and folders of them, never fetches,
 * pages or the database: {@code fetch} and {@code ingest} use it, it uses neither.
 */
package org.gardpipeline.archive;
