package com.yibaoflow.shared.json;

import com.fasterxml.jackson.core.type.TypeReference;
import java.lang.reflect.Type;
import java.util.Objects;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * The content of a JSON column, parsed or serialized at most once (issue #15/#16: a job that loads a case and never
 * reads its explanation no longer parses it, a flush no longer serializes what did not change). Loaded, it is the
 * text as the database returned it, parsed on the first {@link #value}; set by the code, it is the value, serialized
 * on its first write. Both with the mapper Hibernate uses for its own JSON columns ({@link HibernateJsonConfiguration}),
 * so a row reads and is written exactly as when Hibernate parsed it.
 *
 * <p>Map the column as {@code JsonText} with {@code @ColumnTransformer(write = JsonText.AS_JSONB)} and
 * {@code @Mutability(Immutability.class)} ({@link JsonTextConverter} binds the text). Never changed, only replaced
 * ({@link #replacedBy}): Hibernate's loaded state is this very instance, so a column not replaced is never written.
 */
public final class JsonText {

    /** The write expression of a {@code jsonb} column mapped to a {@code JsonText}: the text is bound as varchar. */
    public static final String AS_JSONB = "?::jsonb";

    private JacksonJsonFormatMapper format;
    private String text;
    private Type parsedAs;
    private Object value;

    private JsonText(JacksonJsonFormatMapper format, String text, Type parsedAs, Object value) {
        this.format = format;
        this.text = text;
        this.parsedAs = parsedAs;
        this.value = value;
    }

    /** Content the code sets: written as {@code type} at the first flush. */
    public static <T> JsonText of(T value, TypeReference<T> type) {
        return new JsonText(null, null, type.getType(), Objects.requireNonNull(value));
    }

    static JsonText loaded(String text, JacksonJsonFormatMapper format) {
        return new JsonText(format, text, null, null);
    }

    /** The content as {@code type}, parsed on the first call (always pass the same type for a column). */
    @SuppressWarnings("unchecked")
    public <T> T value(TypeReference<T> type) {
        Type wanted = type.getType();
        if (!wanted.equals(parsedAs)) {
            if (text == null) {
                throw new IllegalStateException("Set as " + parsedAs + ", read as " + wanted);
            }
            value = format.fromString(text, wanted);
            parsedAs = wanted;
        }
        return (T) value;
    }

    /**
     * This content if it holds an equal value, else the value as new content: an equal list set again leaves the
     * column unwritten, as when Hibernate compared the parsed values (this parses a loaded text, once).
     */
    public <T> JsonText replacedBy(T value, TypeReference<T> type) {
        return Objects.equals(value(type), value) ? this : of(value, type);
    }

    /** The text to write, serialized on the first call. */
    String text(JacksonJsonFormatMapper format) {
        if (text == null) {
            text = format.toString(value, parsedAs);
            this.format = format;
        }
        return text;
    }

    @Override
    public String toString() {
        return text != null ? text : String.valueOf(value);
    }
}
