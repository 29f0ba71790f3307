package io.edgeoff.cli.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bearer token of {@code edgeoff site --token-file FILE}: the file's first line, surrounding blanks removed. */
final class TokenFile {
    private TokenFile() {
    }

    static String read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --token-file " + file + ": " + e.getMessage(), e);
        }
        String token = lines.isEmpty() ? "" : lines.get(0).strip();
        if (token.isEmpty()) {
            throw new IllegalArgumentException("--token-file " + file + " is empty; its first line must be the token");
        }
        return token;
    }
}
