package com.yibaoflow.shared.imports;

import com.yibaoflow.shared.problem.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Uploaded files an import keeps until it ends, so that it can resume after a crash (issue #16 §3). They live in
 * {@code yibaoflow.imports.directory} (by default next to the embedded database's data, {@code ./data/imports}), are
 * forced to disk before the import is recorded, and are deleted when the import completes or fails. An empty
 * directory setting (the tests) keeps them in a directory of the JVM's temporary files.
 */
@Component
public class KeptUploads {

    private static final Logger log = LoggerFactory.getLogger(KeptUploads.class);

    private final Path directory;

    KeptUploads(@Value("${yibaoflow.imports.directory:}") String directory) {
        try {
            this.directory = directory == null || directory.isBlank()
                    ? Files.createTempDirectory("yibaoflow-imports-")
                    : Files.createDirectories(Path.of(directory).toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the imports directory " + directory, e);
        }
    }

    /** Writes the upload to a new file of the directory and forces it to disk. */
    public Path keep(InputStream upload, String kind) {
        Path file = directory.resolve(kind + "-" + UUID.randomUUID() + ".upload");
        try {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                upload.transferTo(out);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            return file;
        } catch (IOException e) {
            Uploads.delete(file);
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the upload if it is a table of {@code schema}: its header has the required columns and at least one row
     * follows. Otherwise nothing is kept and the caller's request fails with a 400 naming {@code file}.
     */
    public Path keepTable(InputStream upload, String kind, TableSchema schema) {
        Path file = keep(upload, kind);
        try {
            TabularReader.read(file, schema, row -> {
                throw new HeaderOk();
            });
        } catch (HeaderOk ok) {
            // the header is right and there is at least one row
        } catch (NotATableException e) {
            discard(file);
            throw DomainException.invalidField("file", e.getMessage());
        } catch (RuntimeException e) {
            discard(file);
            throw e;
        }
        return file;
    }

    /** Signals that the first data row was reached: the header is the schema's. */
    private static final class HeaderOk extends RuntimeException {
        HeaderOk() {
            super(null, null, false, false);
        }
    }

    /** The import has ended: its file goes. */
    public void discard(Path file) {
        Uploads.delete(file);
        log.debug("Discarded the kept upload {}", file.getFileName());
    }

    public Path directory() {
        return directory;
    }
}
