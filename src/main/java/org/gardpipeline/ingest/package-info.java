/** Raw input: reads a fetch (folder or file) with its date and options, and parses its documents. */
package org.gardpipeline.ingest;
