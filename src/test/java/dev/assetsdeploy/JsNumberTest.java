package dev.assetsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsNumberTest {

    /** The config numbers wrangler was recorded with (bindings.md t03) and what it sent for them. */
    @Test
    void configNumbersAreSentAsWranglerSendsThem() {
        List<String[]> cases = List.of(
                new String[] {"1.0", "1"},
                new String[] {"1E2", "100"},
                new String[] {"1e21", "1e+21"},
                new String[] {"12345678901234567890", "12345678901234567000"},
                new String[] {"1e-7", "1e-7"},
                new String[] {"-0", "0"},
                new String[] {"3.14159265358979323846", "3.141592653589793"},
                new String[] {"60.5", "60.5"},
                new String[] {"300", "300"});
        for (String[] c : cases) {
            assertEquals(c[1], Json.compact(JsonParser.parseString(c[0])), c[0]);
        }
    }

    /**
     * 4,000 doubles (random bit patterns over the whole range, and short decimals) with {@code String(x)} from Node
     * ({@code src/test/record/js-numbers/generate.js}).
     */
    @Test
    void everyDoubleIsPrintedAsJavaScriptPrintsIt() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/dev/assetsdeploy/js-numbers.tsv"));
        assertEquals(4023, lines.size());
        for (String line : lines) {
            String[] parts = line.split("\t");
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
            assertEquals(parts[1], JsNumber.format(value), parts[0]);
        }
    }

    /** The integers a double holds exactly take a short road; they print as Node prints them, up to and past 2^53. */
    @Test
    void integersPrintAsTheirDigits() {
        assertEquals("123", JsNumber.format(123));
        assertEquals("-25165824", JsNumber.format(-25_165_824));
        assertEquals("1000000000000000", JsNumber.format(1e15));
        assertEquals("9007199254740991", JsNumber.format(9007199254740991.0));
        assertEquals("9007199254740992", JsNumber.format(9007199254740992.0));
        assertEquals("100000000000000000000", JsNumber.format(1e20));
        assertEquals("1e+21", JsNumber.format(1e21));
    }

    @Test
    void notANumberIsNullAsInJsonStringify() {
        assertEquals("null", JsNumber.json(Double.NaN));
        assertEquals("null", JsNumber.json(Double.POSITIVE_INFINITY));
    }
}
