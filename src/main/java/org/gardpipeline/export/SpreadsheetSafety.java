package org.gardpipeline.export;

/**
 * OWASP's rule against CSV injection: a cell that starts with a character a spreadsheet reads as the start
 * of a formula is prefixed with a single quote, so it shows as text. Used only for --excel: the default
 * output leaves the data exactly as GARD wrote it.
 */
final class SpreadsheetSafety {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetSafety() {
    }

    static String neutralise(String cell) {
        if (!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
