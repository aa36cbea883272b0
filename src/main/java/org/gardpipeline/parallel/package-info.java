/** The one way the program runs work on several threads: an ordered parallel map with a bounded window, used by ingest, export and fetch alike. */
package org.gardpipeline.parallel;
