/** What a run writes for its readers, shared by the CSV export and the report: files written whole or not at all, the stamp that says which outputs are current, and the one error an output can fail with. */
package org.gardpipeline.output;
