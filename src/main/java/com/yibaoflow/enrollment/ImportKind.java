package com.yibaoflow.enrollment;

import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.problem.DomainException;
import java.util.ArrayList;
import java.util.List;

/**
 * One kind of import run by {@link ResumableImports}: the township roster ({@link EnrollmentImportService}), the tax
 * bureau's payment file ({@link PaymentImportService}) and the registry extracts ({@link RegistryImportService}). The runner keeps the file, counts, commits and
 * resumes; a kind knows its columns and what a row does.
 */
interface ImportKind {

    /** The value of {@code enrollment_import.kind}. */
    String code();

    TableSchema schema();

    /** A run over the file from its start or from a resume point. */
    Rows open(EnrollmentImports.Work work);

    /** The rows of one run, in file order. */
    interface Rows {

        /** A row committed before a resume: read again only for what later rows depend on (e.g. duplicates). */
        void remember(ImportRow row);

        /** Takes a row; rejections go to {@code counters}. True when a batch is full and should be committed. */
        boolean add(ImportRow row, Counters counters);

        /**
         * Writes what the batch's rows do (in transactions of the kind's own) and counts their outcomes; the runner
         * then records the counters and the committed row in one transaction. Should a crash fall between the two,
         * the batch's rows come again after the resume: each kind makes that repeat harmless and counts it once.
         */
        void commit(Counters counters);

        /** A failure ended the run: drop the rows of the unfinished batch. */
        void discard();

        /**
         * True when {@link #commit} only writes our tables and may join the transaction that records the counters and
         * the committed row: then a crash can never fall between the two, and no row comes again.
         */
        default boolean commitsWithProgress() {
            return false;
        }
    }

    /** The counters of an import and the row errors not yet recorded. */
    final class Counters {
        int total;
        int processed;
        int succeeded;
        int unchanged;
        int rejected;
        final List<EnrollmentImports.RowError> errors = new ArrayList<>();

        /** The file's columns: each reason names its column as the clerk knows it (issue #21 §3). */
        private final TableSchema schema;

        Counters(EnrollmentImports.Work work, TableSchema schema) {
            this.schema = schema;
            this.total = work.total();
            this.processed = work.processed();
            this.succeeded = work.started();
            this.unchanged = work.unchanged();
            this.rejected = work.rejected();
        }

        void succeeded() {
            processed++;
            succeeded++;
        }

        /** The row was good and already on record: nothing changed. */
        void unchanged() {
            processed++;
            unchanged++;
        }

        void reject(int rowNumber, String field, String reason) {
            processed++;
            rejected++;
            errors.add(new EnrollmentImports.RowError(rowNumber, field, schema.reason(field, reason)));
        }

        /** One rejected row, with every reason it has. */
        void reject(int rowNumber, List<DomainException.FieldError> reasons) {
            processed++;
            rejected++;
            reasons.forEach(r -> errors.add(
                    new EnrollmentImports.RowError(rowNumber, r.field(), schema.reason(r.field(), r.message()))));
        }
    }
}
