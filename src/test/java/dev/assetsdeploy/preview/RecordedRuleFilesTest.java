package dev.assetsdeploy.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.config.HeadersFile;
import dev.assetsdeploy.config.RedirectsFile;
import dev.assetsdeploy.config.RoutingFileProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The parsers find the same valid rules and the same invalid lines (message and line number) as
 * wrangler dev reported while recording (its log is kept in each recording).
 */
class RecordedRuleFilesTest {

    private static final Pattern PARSED = Pattern.compile("Parsed (\\d+) valid (redirect|header) rules?");
    private static final Pattern AT = Pattern.compile("^\\s+at (_redirects|_headers):(\\d+) \\| ");

    /** What wrangler said about one file: how many valid rules, and each problem as "line: message". */
    private record Report(int valid, List<String> problems) {}

    @Test
    void parsersReportWhatWranglerReported() throws IOException {
        int files = 0;
        for (String name : List.of("rules-auto", "rules-none-404", "limits")) {
            JsonObject recording = JsonParser.parseString(Files.readString(
                            RecordedRoutingTest.RECORDED.resolve(name + ".json"), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            Path site = RecordedRoutingTest.SITES.resolve(recording.get("site").getAsString());
            String htmlHandling = recording.getAsJsonObject("settings").has("html_handling")
                    ? recording.getAsJsonObject("settings").get("html_handling").getAsString()
                    : null;
            List<String> log = recording.getAsJsonArray("wranglerLog").asList().stream()
                    .map(JsonElement::getAsString)
                    .toList();

            RedirectsFile.Parsed redirects = RedirectsFile.parse(
                    Files.readString(site.resolve("_redirects")), RecordedRoutingTest.htmlHandling(htmlHandling));
            Report wranglerRedirects = report(log, "redirect");
            assertEquals(wranglerRedirects.valid(), redirects.rules().size(), name + " _redirects valid rules");
            assertEquals(
                    wranglerRedirects.problems(),
                    ours(
                            redirects.problems().stream()
                                    .map(RoutingFileProblem::line)
                                    .toList(),
                            redirects.problems().stream()
                                    .map(RoutingFileProblem::message)
                                    .toList(),
                            wranglerRedirects.problems()),
                    name + " _redirects problems");

            HeadersFile.Parsed headers = HeadersFile.parse(Files.readString(site.resolve("_headers")));
            Report wranglerHeaders = report(log, "header");
            assertEquals(wranglerHeaders.valid(), headers.rules().size(), name + " _headers valid rules");
            assertEquals(
                    wranglerHeaders.problems(),
                    ours(
                            headers.problems().stream()
                                    .map(RoutingFileProblem::line)
                                    .toList(),
                            headers.problems().stream()
                                    .map(RoutingFileProblem::message)
                                    .toList(),
                            wranglerHeaders.problems()),
                    name + " _headers problems");
            files += 2;
        }
        assertEquals(6, files);
    }

    /**
     * Our problems in wrangler's form: "line: message", or the message alone where wrangler prints
     * no line. For "No headers specified" wrangler prints the line of the next path (or none); ours
     * is the line of the empty rule's own path, so only the message is compared there.
     */
    private static List<String> ours(List<Integer> lines, List<String> messages, List<String> theirs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String theirsAt = i < theirs.size() ? theirs.get(i) : "";
            boolean lineShown = theirsAt.matches("\\d+: .*") && !messages.get(i).equals("No headers specified");
            out.add(lineShown ? lines.get(i) + ": " + messages.get(i) : messages.get(i));
        }
        return out;
    }

    private static Report report(List<String> log, String kind) {
        int valid = 0;
        List<String> problems = new ArrayList<>();
        String file = kind.equals("redirect") ? "_redirects" : "_headers";
        boolean inKind = false;
        for (int i = 0; i < log.size(); i++) {
            String line = log.get(i);
            Matcher parsed = PARSED.matcher(line);
            if (parsed.find()) {
                inKind = parsed.group(2).equals(kind);
                if (inKind) {
                    valid = Integer.parseInt(parsed.group(1));
                }
                continue;
            }
            if (!inKind || !line.startsWith("\u25B6")) {
                continue;
            }
            String message = line.substring(line.indexOf(' ') + 1);
            Matcher at = i + 1 < log.size() ? AT.matcher(log.get(i + 1)) : null;
            boolean hasLine =
                    at != null && at.find() && at.group(1).equals(file) && !message.equals("No headers specified");
            problems.add(hasLine ? at.group(2) + ": " + message : message);
        }
        return new Report(valid, problems);
    }
}
