package org.gardpipeline.export;

/**
 * How to write an export.
 *
 * @param asOf  an ISO date: answers.csv as it stood at the end of that day; null for now
 * @param excel write a BOM and neutralise cells a spreadsheet would run as formulas
 */
public record ExportOptions(String asOf, boolean excel) {
    public static final ExportOptions DEFAULT = new ExportOptions(null, false);
}
