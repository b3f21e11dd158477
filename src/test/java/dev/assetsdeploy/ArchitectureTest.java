package dev.assetsdeploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Which step each package is and what it may import, read from the compiled classes (every reference
 * counts: imports, fully qualified names, annotations). Data flows one way,
 * {@code config -> manifest -> upload -> deploy -> live -> versions}: a step may use the steps before it,
 * never those after it. {@code api} (the HTTP client) and the root package (the Gson setup, the
 * exception with an exit-code kind) serve every step and use none. {@code preview} reads config and
 * manifest only. {@code report} formats what any core package returns; {@code cli} parses, calls the
 * core and reports, and is the only one allowed picocli. A new package needs a row before its first
 * class builds. README's "How it works" says the same in words: keep the two in step.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.assetsdeploy";

    /** Each package and the project packages it may import ("root" is {@code dev.assetsdeploy} itself). */
    private static final Map<String, List<String>> MAY_IMPORT = new LinkedHashMap<>();

    static {
        MAY_IMPORT.put("root", List.of());
        MAY_IMPORT.put("config", List.of("root"));
        MAY_IMPORT.put("manifest", List.of("root", "config"));
        MAY_IMPORT.put("api", List.of("root"));
        MAY_IMPORT.put("upload", List.of("root", "config", "manifest", "api"));
        MAY_IMPORT.put("deploy", List.of("root", "config", "manifest", "upload", "api"));
        MAY_IMPORT.put("live", List.of("root", "config", "manifest", "upload", "deploy", "api"));
        MAY_IMPORT.put("versions", List.of("root", "config", "manifest", "upload", "deploy", "live", "api"));
        MAY_IMPORT.put("preview", List.of("root", "config", "manifest"));
        MAY_IMPORT.put(
                "report",
                List.of("root", "config", "manifest", "api", "upload", "deploy", "live", "versions", "preview"));
        MAY_IMPORT.put(
                "cli",
                List.of(
                        "root",
                        "config",
                        "manifest",
                        "api",
                        "upload",
                        "deploy",
                        "live",
                        "versions",
                        "preview",
                        "report"));
    }

    /** The core: each step of the flow, its HTTP client and preview. They never see picocli, cli or report. */
    private static final List<String> CORE =
            List.of("config", "manifest", "api", "upload", "deploy", "live", "versions", "preview");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static String pattern(String name) {
        return name.equals("root") ? ROOT : ROOT + "." + name + "..";
    }

    @TestFactory
    Stream<DynamicTest> eachPackageImportsOnlyWhatItsRowAllows() {
        return MAY_IMPORT.entrySet().stream()
                .map(row -> DynamicTest.dynamicTest(
                        row.getKey() + " imports only "
                                + (row.getValue().isEmpty()
                                        ? "the JDK and libraries"
                                        : String.join(", ", row.getValue())),
                        () -> {
                            List<String> forbidden = new ArrayList<>();
                            for (String other : MAY_IMPORT.keySet()) {
                                if (!other.equals(row.getKey())
                                        && !row.getValue().contains(other)) {
                                    forbidden.add(pattern(other));
                                }
                            }
                            noClasses()
                                    .that()
                                    .resideInAPackage(pattern(row.getKey()))
                                    .should()
                                    .dependOnClassesThat()
                                    .resideInAnyPackage(forbidden.toArray(String[]::new))
                                    .because("the table in ArchitectureTest says what " + row.getKey() + " may import")
                                    .allowEmptyShould(true)
                                    .check(MAIN);
                        }));
    }

    @Test
    void coreAndRootNeverImportPicocliCliOrReport() {
        List<String> packages =
                new ArrayList<>(CORE.stream().map(ArchitectureTest::pattern).toList());
        packages.add(ROOT);
        noClasses()
                .that()
                .resideInAnyPackage(packages.toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..", pattern("cli"), pattern("report"))
                .because("core packages take arguments and return values; only cli parses and only report formats")
                .check(MAIN);
    }

    @Test
    void everyPackageHasARowInTheTable() {
        classes()
                .should()
                .resideInAnyPackage(MAY_IMPORT.keySet().stream()
                        .map(ArchitectureTest::pattern)
                        .toArray(String[]::new))
                .because("a new package gets a row in ArchitectureTest: which step it is and what it may import")
                .check(MAIN);
    }

    @Test
    void onlyApiTalksHttpAndOnlyPreviewServesIt() {
        noClasses()
                .that()
                .resideOutsideOfPackage(pattern("api"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.hc..", "java.net.http..")
                .because("api is the one HTTP client: base URL, credentials, envelope, errors, retries")
                .check(MAIN);
        noClasses()
                .that()
                .resideOutsideOfPackage(pattern("preview"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.sun.net.httpserver..")
                .because("preview's server is the only one")
                .check(MAIN);
    }

    @Test
    void onlyCliReadsTheProcessEnvironmentAndNothingPrintsToSystemOut() {
        noClasses()
                .that()
                .resideOutsideOfPackage(pattern("cli"))
                .should()
                .callMethod(System.class, "getenv")
                .orShould()
                .callMethod(System.class, "getenv", String.class)
                .orShould()
                .callMethod(System.class, "console")
                .because("core packages get plain values; cli.Environment is the one reader of the process")
                .check(MAIN);
        noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("output goes through the command line's writers or an injected one, never System.out")
                .check(MAIN);
    }
}
