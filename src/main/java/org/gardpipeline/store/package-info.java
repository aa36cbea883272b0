/** The versioned SQLite store: fetches, pages, answer slots, versions and change events; all SQL lives here. */
package org.gardpipeline.store;
