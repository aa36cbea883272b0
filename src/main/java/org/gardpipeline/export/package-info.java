/** Exports: the CSV datasets and their Frictionless Data Package description, written atomically. */
package org.gardpipeline.export;
