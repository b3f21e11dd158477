package dev.assetsdeploy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How this JVM turns file names (and arguments) into strings: with the charset of the locale it started
 * in ({@code sun.jnu.encoding}, fixed at start-up). In the C or POSIX locale that is ASCII, and a UTF-8
 * name like {@code café.html} cannot be read; the launchers start the JVM in a UTF-8 locale.
 */
public final class NativeNames {

    private static final String ENCODING = System.getProperty("sun.jnu.encoding", "UTF-8");

    private NativeNames() {}

    public static boolean utf8() {
        return Charset.isSupported(ENCODING) && Charset.forName(ENCODING).equals(StandardCharsets.UTF_8);
    }

    /** "in this locale (file names decode as ANSI_X3.4-1968): run with LC_ALL=C.UTF-8, ...": what to do. */
    public static String localeProblem() {
        return "in this locale (file names decode as " + ENCODING + "): run with LC_ALL=C.UTF-8,"
                + " or start it with bin/assets-deploy, which does";
    }
}
