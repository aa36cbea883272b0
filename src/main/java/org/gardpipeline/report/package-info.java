/** The browsable HTML report and the Atom change feed, written from the store's history as static files. */
package org.gardpipeline.report;
