/**
 * Fetching GARD pages over HTTP, politely, into a new raw fetch: a WARC file, a manifest and fetch.properties. The
 * whole site is what GARD's own list names; a page unchanged since its latest capture is a revisit record.
 */
package org.gardpipeline.fetch;
