import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generates a benchmark site: {@code java src/bench/upload-gensite.java DIR FILES TOTAL_MB [SEED]}.
 * Sizes vary (most small, a few large, like a real static site), the total is exact, names use
 * common extensions across nested folders; bytes are random (incompressible) and deterministic.
 */
public class UploadGenSite {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        long total = Long.parseLong(args[2]) * 1024 * 1024;
        Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 1);
        String[] ext = {"html", "css", "js", "png", "jpg", "svg", "woff2", "json", "txt", "webp"};
        double[] weights = new double[files];
        double sum = 0;
        for (int i = 0; i < files; i++) {
            weights[i] = Math.exp(random.nextGaussian() * 1.2);
            sum += weights[i];
        }
        long written = 0;
        byte[] buf = new byte[1 << 16];
        for (int i = 0; i < files; i++) {
            long size = i == files - 1 ? total - written : Math.min(25L * 1024 * 1024, (long) (total * weights[i] / sum));
            Path f = dir.resolve("d" + (i % 50)).resolve("s" + (i % 7)).resolve("f" + i + "." + ext[i % ext.length]);
            Files.createDirectories(f.getParent());
            try (OutputStream out = Files.newOutputStream(f)) {
                long left = size;
                while (left > 0) {
                    random.nextBytes(buf);
                    int n = (int) Math.min(buf.length, left);
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
            written += size;
        }
        System.out.println("generated " + files + " files, " + written + " bytes in " + dir);
    }
}
