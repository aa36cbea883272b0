/** Fetching GARD pages over HTTP, politely, into a new raw fetch: a WARC file, a manifest and fetch.properties. */
package org.gardpipeline.fetch;
