package dev.assetsdeploy.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A folder served while it changes: a file-system watch marks it changed, and the next request
 * rebuilds the manifest and re-reads {@code _headers}/{@code _redirects} before it is answered.
 * When a rebuild fails (a file too large, unreadable), the last good site keeps being served and
 * the reason is reported once per change.
 */
public final class LiveSite implements AutoCloseable {

    private final Path dir;
    private final Function<Path, PreviewSite> loader;
    private final Consumer<PreviewSite> onReload;
    private final Consumer<RuntimeException> onFailure;
    private final WatchService watcher;
    private final AtomicBoolean changed = new AtomicBoolean(false);
    private final Thread watchThread;
    private PreviewSite site;
    private AssetRouter router;

    /**
     * @param loader    builds the site from the folder (manifest + rules); throws when it cannot
     * @param onReload  told of each rebuilt site (to print its warnings)
     * @param onFailure told when a rebuild failed (the previous site is still served)
     */
    public LiveSite(
            Path dir,
            Function<Path, PreviewSite> loader,
            Consumer<PreviewSite> onReload,
            Consumer<RuntimeException> onFailure) {
        this.dir = dir;
        this.loader = loader;
        this.onReload = onReload;
        this.onFailure = onFailure;
        this.site = loader.apply(dir);
        this.router = new AssetRouter(site);
        try {
            this.watcher = dir.getFileSystem().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registerAll();
        this.watchThread = new Thread(this::watch, "preview-watch");
        watchThread.setDaemon(true);
        watchThread.start();
    }

    public synchronized PreviewSite site() {
        return site;
    }

    /** The router for the folder as it is now. */
    public synchronized AssetRouter router() {
        if (changed.getAndSet(false)) {
            try {
                registerAll();
                PreviewSite rebuilt = loader.apply(dir);
                site = rebuilt;
                router = new AssetRouter(rebuilt);
                onReload.accept(rebuilt);
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        }
        return router;
    }

    private void registerAll() {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    d.register(
                            watcher,
                            StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_DELETE,
                            StandardWatchEventKinds.ENTRY_MODIFY);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            changed.set(true);
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                changed.set(true);
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
