/** Differences between two versions of an answer as a person reads them: phrases, dates and references. */
package org.gardpipeline.diff;
