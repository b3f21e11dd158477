package dev.assetsdeploy.deploy;

import static dev.assetsdeploy.Failures.assertFailsContaining;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.AssetsDeployException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerModulesTest {

    @Test
    void namesAreRelativeToTheMainModulesFolderAndTypesFollowTheKind(@TempDir Path dir) throws IOException {
        Path main = touch(dir.resolve("dist/index.js"));
        List<Path> extras = List.of(
                touch(dir.resolve("dist/lib/util.mjs")),
                touch(dir.resolve("dist/legacy.cjs")),
                touch(dir.resolve("dist/add.wasm")),
                touch(dir.resolve("dist/page.html")),
                touch(dir.resolve("dist/notes.txt")),
                touch(dir.resolve("dist/blob.bin")),
                touch(dir.resolve("dist/index.js.map")));
        List<WorkerModule> modules = WorkerModules.resolve(main, extras);
        assertEquals(
                List.of(
                        "index.js",
                        "lib/util.mjs",
                        "legacy.cjs",
                        "add.wasm",
                        "page.html",
                        "notes.txt",
                        "blob.bin",
                        "index.js.map"),
                modules.stream().map(WorkerModule::name).toList());
        assertEquals(
                List.of(
                        "application/javascript+module",
                        "application/javascript+module",
                        "application/javascript",
                        "application/wasm",
                        "text/plain",
                        "text/plain",
                        "application/octet-stream",
                        "application/source-map"),
                modules.stream().map(WorkerModule::contentType).toList());
    }

    @Test
    void refusesWhatCannotBeUploadedAsIs(@TempDir Path dir) throws IOException {
        Path main = touch(dir.resolve("src/index.js"));
        assertRefused(() -> WorkerModules.resolve(dir.resolve("src/missing.js"), List.of()), "missing.js");
        assertRefused(() -> WorkerModules.resolve(touch(dir.resolve("src/index.ts")), List.of()), "ES module");
        assertRefused(() -> WorkerModules.resolve(main, List.of(touch(dir.resolve("outside.js")))), "inside the main");
        assertRefused(
                () -> WorkerModules.resolve(main, List.of(touch(dir.resolve("src/x.ts")))), "unknown module kind");
        assertRefused(() -> WorkerModules.resolve(main, List.of(main)), "given twice");
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable call, String fragment) {
        assertFailsContaining(Kind.INVALID_INPUT, call, fragment);
    }

    static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "// " + file.getFileName());
    }
}
