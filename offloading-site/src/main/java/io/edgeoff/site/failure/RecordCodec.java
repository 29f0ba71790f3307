package io.edgeoff.site.failure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * Encodes one failure record as one line of UTF-8 text:
 * {@code sequence|epochMillis|TYPE|detail|crc}, where {@code detail} has {@code %}, {@code |},
 * CR and LF percent-escaped and {@code crc} is the CRC-32C of every byte before the last
 * {@code |}, as 8 lower-case hex digits. A line is complete only with its final {@code \n}.
 */
final class RecordCodec {
    private static final char SEPARATOR = '|';

    private RecordCodec() {
    }

    static byte[] encode(FailureRecord record) {
        String body = record.sequence() + "|" + record.time().toEpochMilli() + "|" + record.type().name() + "|"
                + escape(record.detail());
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String line = body + SEPARATOR + crcHex(bodyBytes, 0, bodyBytes.length) + "\n";
        return line.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes one line (without its {@code \n}).
     *
     * @return the record, or {@code null} when the line is malformed or its checksum does not match
     */
    static FailureRecord decode(byte[] buffer, int start, int end) {
        int lastSep = -1;
        for (int i = end - 1; i >= start; i--) {
            if (buffer[i] == SEPARATOR) {
                lastSep = i;
                break;
            }
        }
        if (lastSep < 0 || end - lastSep - 1 != 8) {
            return null;
        }
        String crc = new String(buffer, lastSep + 1, 8, StandardCharsets.US_ASCII);
        if (!crc.equals(crcHex(buffer, start, lastSep - start))) {
            return null;
        }
        String[] fields = new String(buffer, start, lastSep - start, StandardCharsets.UTF_8).split("\\|", -1);
        if (fields.length != 4) {
            return null;
        }
        try {
            return new FailureRecord(Long.parseLong(fields[0]), Instant.ofEpochMilli(Long.parseLong(fields[1])),
                    FailureEventType.valueOf(fields[2]), unescape(fields[3]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String crcHex(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return String.format("%08x", crc.getValue());
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '%' -> sb.append("%25");
                case '|' -> sb.append("%7C");
                case '\n' -> sb.append("%0A");
                case '\r' -> sb.append("%0D");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String unescape(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                sb.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '%') {
                throw new IllegalArgumentException("bad escape in " + text);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
