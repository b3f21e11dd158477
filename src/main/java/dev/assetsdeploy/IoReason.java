package dev.assetsdeploy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why a file could not be read or written, in a few words and without its path (the caller names the file). */
public final class IoReason {

    private IoReason() {}

    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e.getMessage() == null) {
            return e.getClass().getSimpleName();
        }
        String message = e.getMessage();
        // java.io reports "PATH (Reason)".
        int open = message.lastIndexOf(" (");
        if (message.endsWith(")") && open >= 0) {
            String why = message.substring(open + 2, message.length() - 1);
            return why.equals("Permission denied") ? "permission denied" : why;
        }
        return message;
    }
}
