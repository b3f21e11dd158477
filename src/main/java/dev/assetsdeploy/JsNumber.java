package dev.assetsdeploy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as JavaScript prints them ({@code Number.prototype.toString}, which {@code JSON.stringify} uses): wrangler
 * parses every config number into a double, so {@code 1.0} is sent as {@code 1}, {@code 1E2} as {@code 100},
 * {@code 1e21} as {@code 1e+21} and {@code 12345678901234567890} as {@code 12345678901234567000}. Java's
 * {@code Double.toString} differs ({@code 1.0E21}) and, before Java 19, is not always the shortest.
 */
public final class JsNumber {

    private JsNumber() {}

    /** {@code JSON.stringify} of the number: {@code null} for NaN and the infinities. */
    public static String json(Number number) {
        double value = number.doubleValue();
        return Double.isNaN(value) || Double.isInfinite(value) ? "null" : format(value);
    }

    /** {@code String(value)} for a finite double. */
    public static String format(double value) {
        if (value == 0) {
            return "0"; // -0 too
        }
        if (value == (long) value && Math.abs(value) < 0x1p53) {
            // An integer that a double holds exactly prints as its digits; most numbers sent are such (a
            // manifest's sizes), and the general search below costs about 1 KB of garbage each.
            return Long.toString((long) value);
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal shortest = shortest(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        // value = 0.d1d2...dk × 10^n, in the spec's terms: s × 10^(n-k)
        int n = k - shortest.scale();
        StringBuilder out = new StringBuilder(sign);
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /**
     * The fewest significant digits that read back as {@code value}; of two such candidates the closer one, and of
     * two equally close the even one (ECMA-262 Number::toString). No trailing zeros.
     */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            MathContext down = new MathContext(precision, RoundingMode.FLOOR);
            MathContext up = new MathContext(precision, RoundingMode.CEILING);
            BigDecimal low = exact.round(down);
            BigDecimal high = exact.round(up);
            boolean lowFits = low.doubleValue() == value;
            boolean highFits = high.doubleValue() == value;
            if (lowFits && highFits && low.compareTo(high) != 0) {
                int closer = exact.subtract(low).compareTo(high.subtract(exact));
                if (closer != 0) {
                    return strip(closer < 0 ? low : high);
                }
                return strip(low.unscaledValue().testBit(0) ? high : low);
            }
            if (lowFits) {
                return strip(low);
            }
            if (highFits) {
                return strip(high);
            }
        }
        return strip(exact.round(MathContext.DECIMAL64));
    }

    private static BigDecimal strip(BigDecimal value) {
        return value.stripTrailingZeros();
    }
}
