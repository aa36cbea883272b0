/** Reading the history: word-level differences between two versions of an answer. */
package org.gardpipeline.diff;
