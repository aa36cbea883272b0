/** {@code gard publish}: the history mirrored into PostgreSQL, incrementally, one transaction per publish; all PostgreSQL SQL lives here. */
package org.gardpipeline.publish;
