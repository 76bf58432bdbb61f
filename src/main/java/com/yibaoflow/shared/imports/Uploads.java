package com.yibaoflow.shared.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An uploaded file spooled to a temporary file, so the reader can stream it after the request has ended. */
public final class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    private Uploads() {}

    public static Path spool(InputStream upload) {
        try {
            Path file = Files.createTempFile("yibaoflow-upload-", ".tmp");
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
