package org.igf.bpf.api.audit.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV that spreadsheets open cleanly: RFC 4180 (comma, CRLF, fields with a comma, quote or
 * line break in double quotes, quotes doubled), and text that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) prefixed with an apostrophe. Numbers are
 * written by {@link #number} and left as they are.
 */
final class CsvRows {

    private final Writer out;

    CsvRows(Writer out) {
        this.out = out;
    }

    void row(List<Cell> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Cell cell = cells.get(i);
            out.write(cell.number() ? cell.value() : escape(cell.value()));
        }
        out.write("\r\n");
    }

    static Cell text(String value) {
        return new Cell(value == null ? "" : value, false);
    }

    static Cell number(long value) {
        return new Cell(Long.toString(value), true);
    }

    static String escape(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    record Cell(String value, boolean number) {
    }
}
