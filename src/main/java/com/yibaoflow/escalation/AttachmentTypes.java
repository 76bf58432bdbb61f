package com.yibaoflow.escalation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What an attachment really is, read from its bytes (issue #18): PDF, PNG, JPEG, Excel (xlsx, xls) and Word (docx,
 * doc). The file name and the declared content type decide nothing; a name whose extension names another type than
 * the content is refused, so that what a reviewer opens is what the name says.
 */
final class AttachmentTypes {

    /** A supported type: its content type and the file name extensions that may carry it. */
    enum Type {
        PDF("application/pdf", "pdf"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg", "jpeg"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        XLS("application/vnd.ms-excel", "xls"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        DOC("application/msword", "doc");

        final String contentType;
        final Set<String> extensions;

        Type(String contentType, String... extensions) {
            this.contentType = contentType;
            this.extensions = Set.of(extensions);
        }
    }

    static final long MAX_BYTES = 20L * 1024 * 1024;

    private static final byte[] PDF = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };

    private AttachmentTypes() {}

    /** The type the content is, or empty when it is none of the supported ones. */
    static Optional<Type> detect(byte[] content) {
        if (startsWith(content, PDF)) {
            return Optional.of(Type.PDF);
        }
        if (startsWith(content, PNG)) {
            return Optional.of(Type.PNG);
        }
        if (startsWith(content, JPEG)) {
            return Optional.of(Type.JPEG);
        }
        if (startsWith(content, ZIP)) {
            return officeOpenXml(content);
        }
        if (startsWith(content, OLE2)) {
            return compoundDocument(content);
        }
        return Optional.empty();
    }

    /** The extension of a file name, lower case, or empty when it has none. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1
                ? ""
                : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A ZIP is a Word or Excel document only if it holds the main part of one. */
    private static Optional<Type> officeOpenXml(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals("word/document.xml")) {
                    return Optional.of(Type.DOCX);
                }
                if (entry.getName().equals("xl/workbook.xml")) {
                    return Optional.of(Type.XLSX);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** An OLE2 compound file is a Word 97 or Excel 97 document only if it holds the stream of one. */
    private static Optional<Type> compoundDocument(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryEntry root = fs.getRoot();
            if (root.hasEntry("WordDocument")) {
                return Optional.of(Type.DOC);
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return Optional.of(Type.XLS);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
