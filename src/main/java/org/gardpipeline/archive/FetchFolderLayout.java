package org.gardpipeline.archive;

/**
 * The names in a fetch folder that both the fetcher, which writes them, and the ingest, which reads them, must
 * agree on: kept here, beside the WARC files they sit with, so that neither room reaches into the other.
 */
public final class FetchFolderLayout {
    /** The folder's date, label and source, written by {@code gard fetch} and read by every ingest. */
    public static final String PROPERTIES_FILE = "fetch.properties";
    /** What the fetch asked and what each page answered, beside the WARC file that holds the answers. */
    public static final String MANIFEST_FILE = "manifest.json";
    /** Where GARD keeps its list of pages on the site; the fetch keeps the list in its WARC under this path. */
    public static final String SITE_LIST_PATH = "/assets/diseases.trimmed.json";

    private FetchFolderLayout() {
    }
}
