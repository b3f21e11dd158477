package dev.assetsdeploy.deploy;

import dev.assetsdeploy.AssetsDeployException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The module parts of a Worker with code: the main ES module first, then the extra modules in the order given. */
public final class WorkerModules {

    private WorkerModules() {}

    public static List<WorkerModule> resolve(Path main, List<Path> extraModules) {
        Path mainFile = existingFile(main, "main");
        String mainName = mainFile.getFileName().toString();
        if (!WorkerModule.MAIN_EXTENSIONS.contains(WorkerModule.extension(mainName))) {
            throw AssetsDeployException.invalidInput("main " + main + ": the main module must be an ES module"
                    + " (.js or .mjs); assets-deploy does not bundle, so pass the built Worker");
        }
        Path root = mainFile.getParent();
        List<WorkerModule> modules = new ArrayList<>();
        modules.add(new WorkerModule(mainName, WorkerModule.CONTENT_TYPES.get("js"), mainFile));
        Set<String> names = new HashSet<>(Set.of(mainName));
        for (Path extra : extraModules) {
            Path file = existingFile(extra, "--module");
            if (!file.startsWith(root)) {
                throw AssetsDeployException.invalidInput("--module " + extra + ": modules must be inside the main"
                        + " module's folder " + root + " (their part names are paths relative to it)");
            }
            String name = partName(root.relativize(file));
            if (!names.add(name)) {
                throw AssetsDeployException.invalidInput("--module " + extra + ": module " + name + " is given twice");
            }
            modules.add(new WorkerModule(name, WorkerModule.contentTypeOf(file, "--module"), file));
        }
        return List.copyOf(modules);
    }

    private static String partName(Path relative) {
        List<String> segments = new ArrayList<>();
        relative.forEach(p -> segments.add(p.toString()));
        return String.join("/", segments);
    }

    private static Path existingFile(Path path, String what) {
        Path file = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw AssetsDeployException.invalidInput(what + " " + path + ": no such file");
        }
        return file;
    }
}
