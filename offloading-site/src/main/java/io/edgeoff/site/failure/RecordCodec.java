package io.edgeoff.site.failure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * Encodes one failure record as one line of UTF-8 text:
 * {@code sequence|epochMillis|TYPE|detail|crc}, where {@code detail} has {@code %}, {@code |},
 * CR and LF percent-escaped and {@code crc} is the CRC-32C of every byte before the last
 * {@code |}, as 8 lower-case hex digits. A line is complete only with its final {@code \n}.
 *
 * <p>The framing is self-synchronising: the line end never occurs inside a record (it is escaped),
 * so a reader that meets a damaged record finds the next one after the next line end; and a record
 * is at most {@link #MAX_RECORD_BYTES} long, so a reader never decodes (or allocates for) more.
 */
final class RecordCodec {
    /** Upper bound of one encoded record including its line end; longer details are shortened on append. */
    static final int MAX_RECORD_BYTES = 64 * 1024;
    /** Length of the checksum field with its separator: {@code |} and 8 hex digits. */
    static final int CRC_FIELD_BYTES = 9;
    static final byte SEPARATOR = '|';
    static final byte LINE_END = '\n';
    static final String SHORTENED_MARK = "...[shortened]";
    private static final int MAX_BYTES_PER_CHAR = 3;
    private static final int MAX_HEADER_BYTES = 96;

    private RecordCodec() {
    }

    /**
     * @return {@code detail}, or its start followed by {@link #SHORTENED_MARK} when the record would
     *         otherwise exceed {@link #MAX_RECORD_BYTES}
     */
    static String boundedDetail(String detail) {
        int maxChars = (MAX_RECORD_BYTES - MAX_HEADER_BYTES - CRC_FIELD_BYTES - 1) / MAX_BYTES_PER_CHAR;
        if (detail.length() <= maxChars) {
            return detail;
        }
        int cut = maxChars - SHORTENED_MARK.length();
        if (Character.isHighSurrogate(detail.charAt(cut - 1))) {
            cut--;
        }
        return detail.substring(0, cut) + SHORTENED_MARK;
    }

    static byte[] encode(FailureRecord record) {
        String body = record.sequence() + "|" + record.time().toEpochMilli() + "|" + record.type().name() + "|"
                + escape(record.detail());
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String line = body + "|" + crcHex(bodyBytes, 0, bodyBytes.length) + "\n";
        return line.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes one line (without its {@code \n}) from {@code buffer[start, end)}; allocates nothing for
     * a line longer than {@link #MAX_RECORD_BYTES}.
     *
     * @return the record, or {@code null} when the line is too long, malformed or its checksum does not match
     */
    static FailureRecord decode(ByteBuffer buffer, int start, int end) {
        if (!endsWithCrcField(buffer, start, end) || end - start + 1 > MAX_RECORD_BYTES) {
            return null;
        }
        int bodyEnd = end - CRC_FIELD_BYTES;
        CRC32C crc = new CRC32C();
        crc.update(buffer.slice(start, bodyEnd - start));
        for (int i = 0; i < 8; i++) {
            int nibble = (int) (crc.getValue() >>> (28 - 4 * i)) & 0xf;
            if (buffer.get(bodyEnd + 1 + i) != Character.forDigit(nibble, 16)) {
                return null;
            }
        }
        byte[] body = new byte[bodyEnd - start];
        buffer.get(start, body);
        String[] fields = new String(body, StandardCharsets.UTF_8).split("\\|", -1);
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

    /** @return true when {@code buffer[start, end)} ends with {@code |} and 8 lower-case hex digits */
    static boolean endsWithCrcField(ByteBuffer buffer, int start, int end) {
        if (end - start < CRC_FIELD_BYTES || buffer.get(end - CRC_FIELD_BYTES) != SEPARATOR) {
            return false;
        }
        for (int i = end - 8; i < end; i++) {
            byte b = buffer.get(i);
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
                return false;
            }
        }
        return true;
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
