/** Parsers: pure functions from a document's bytes to one {@link org.gardpipeline.model.Page}. */
package org.gardpipeline.parse;
