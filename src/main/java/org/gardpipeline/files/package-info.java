/** Helpers on files that several rooms share: a fingerprint of a set of files' status, so that a run can tell unchanged files without reading them. */
package org.gardpipeline.files;
