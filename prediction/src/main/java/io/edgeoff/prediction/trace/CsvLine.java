package io.edgeoff.prediction.trace;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting within the line; a trailing CR is dropped). */
final class CsvLine {
    private CsvLine() {
    }

    /**
     * @return the fields, unquoted and stripped of surrounding blanks
     * @throws IllegalArgumentException "unbalanced quotes" if a quoted field is not closed on the line
     */
    static List<String> split(String line) {
        String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unbalanced quotes: a quoted field is not closed on this line");
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
