/** Benchmarks beside the tests: the parse floor, whole-process pipeline timings and history growth. */
package org.gardpipeline.bench;
