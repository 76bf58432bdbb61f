package com.yibaoflow.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs chain checkpoints with an Ed25519 key kept in a file outside the database ({@code yibaoflow.audit.signing-key};
 * created, readable by its owner only, when absent). Whoever can write the database cannot sign: a chain recomputed
 * after a deletion no longer matches a signed checkpoint. Back the file up; its public key is exported with every
 * checkpoint so that anyone can check one without the application.
 */
@Component
class CheckpointSigner {

    static final String ALGORITHM = "Ed25519";

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final Path keyFile;
    private KeyPair keys;

    CheckpointSigner(@Value("${yibaoflow.audit.signing-key:./data/audit/signing-key}") Path keyFile) {
        this.keyFile = keyFile;
    }

    synchronized KeyPair keys() {
        if (keys == null) {
            keys = Files.exists(keyFile) ? read() : generateOrRead();
        }
        return keys;
    }

    String publicKey() {
        return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
    }

    String sign(String payload) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(keys().getPrivate());
            signature.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the audit checkpoint", e);
        }
    }

    /** Whether the signature over the payload was made by the key whose public half (X.509, Base64) is given. */
    static boolean verify(String payload, String signatureBase64, String publicKeyBase64) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(payload.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private KeyPair generateOrRead() {
        try {
            KeyPair generated = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Path dir = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            String text =
                    "# YibaoFlow audit checkpoint signing key (Ed25519). Keep it outside the database, back it up.\n"
                            + "private="
                            + Base64.getEncoder()
                                    .encodeToString(generated.getPrivate().getEncoded()) + "\n"
                            + "public="
                            + Base64.getEncoder()
                                    .encodeToString(generated.getPublic().getEncoded()) + "\n";
            Files.writeString(keyFile, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions protect it
            }
            log.info("Generated the audit checkpoint signing key in {}", keyFile.toAbsolutePath());
            return generated;
        } catch (FileAlreadyExistsException e) {
            return read(); // another node or context created it meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit signing key " + keyFile.toAbsolutePath(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyPair read() {
        try {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII)) {
                p.load(in);
            }
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            return new KeyPair(
                    factory.generatePublic(new X509EncodedKeySpec(
                            Base64.getDecoder().decode(p.getProperty("public").trim()))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(
                            Base64.getDecoder().decode(p.getProperty("private").trim()))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit signing key " + keyFile.toAbsolutePath(), e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The audit signing key " + keyFile.toAbsolutePath() + " is unreadable", e);
        }
    }
}
