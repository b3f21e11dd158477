package dev.assetsdeploy.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** README.md as the tests read it: its fenced blocks, the generated help section, the exit-code table. */
final class ReadmeFile {

    static final String HELP_START = "<!-- help:start -->";
    static final String HELP_END = "<!-- help:end -->";

    /** A fenced block: its info string ("sh", "text", ...), the line number of its first content line, its lines. */
    record Block(String language, int firstLine, List<String> lines) {}

    final Path path;
    final String text;
    final List<String> lines;

    private ReadmeFile(Path path, String text) {
        this.path = path;
        this.text = text;
        this.lines = text.lines().toList();
    }

    /** README.md of the project; Maven runs tests from the project root. */
    static ReadmeFile read() throws IOException {
        Path path = Path.of("README.md").toAbsolutePath();
        return new ReadmeFile(path, Files.readString(path, StandardCharsets.UTF_8));
    }

    List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        String language = null;
        int first = 0;
        List<String> body = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (language == null && line.startsWith("```")) {
                language = line.substring(3).trim();
                first = i + 2;
                body = new ArrayList<>();
            } else if (language != null && line.equals("```")) {
                blocks.add(new Block(language, first, List.copyOf(body)));
                language = null;
            } else if (language != null) {
                body.add(line);
            }
        }
        if (language != null) {
            throw new IllegalStateException(
                    path + ": the ```" + language + " block at line " + (first - 1) + " is never closed");
        }
        return blocks;
    }

    /** The text between the help markers, which must sit in the "Command reference" section. */
    String helpSection() {
        int start = text.indexOf(HELP_START);
        int end = text.indexOf(HELP_END);
        int heading = text.indexOf("\n## Command reference\n");
        if (heading < 0 || start < heading || end < start || text.indexOf(HELP_START, start + 1) >= 0) {
            throw new IllegalStateException(path + " must have one " + HELP_START + " ... " + HELP_END
                    + " pair in its \"## Command reference\" section");
        }
        return text.substring(start + HELP_START.length(), end);
    }

    String withHelpSection(String section) {
        helpSection();
        return text.substring(0, text.indexOf(HELP_START) + HELP_START.length())
                + section
                + text.substring(text.indexOf(HELP_END));
    }

    /** The rows of the table under "## Exit codes": code → meaning, in order. */
    Map<String, String> exitCodeTable() {
        int heading = lines.indexOf("## Exit codes");
        if (heading < 0) {
            throw new IllegalStateException(path + " has no \"## Exit codes\" section");
        }
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = heading + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i);
            if (!line.startsWith("|")) {
                if (!rows.isEmpty()) {
                    break;
                }
                continue;
            }
            String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0))
                    .split("\\|", -1);
            String code = cells[0].trim();
            if (code.matches("\\d+")) {
                rows.put(
                        code,
                        String.join("|", List.of(cells).subList(1, cells.length))
                                .trim());
            }
        }
        return rows;
    }
}
