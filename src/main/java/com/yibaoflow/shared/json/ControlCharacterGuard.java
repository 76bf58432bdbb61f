package com.yibaoflow.shared.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Issue #16 §8: no text with a NUL or another control character gets in. PostgreSQL refuses 0x00 in text (that was
 * a 500), and the others are never meant in a name, an address or a reason. Tab, line feed and carriage return
 * stay allowed (a reason may span lines). Every JSON string is checked as it is read, so the 400 names the field.
 */
@Configuration(proxyBeanMethods = false)
public class ControlCharacterGuard {

    /** The first control character of the text other than tab, LF and CR, or -1. */
    public static int firstControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    /** Why the text is refused, naming the character by its code point (e.g. U+0000), or {@code null} if it is clean. */
    public static String problemOf(CharSequence text) {
        int at = firstControlCharacter(text);
        return at < 0
                ? null
                : "contains the control character U+%04X at position %d".formatted((int) text.charAt(at), at + 1);
    }

    @Bean
    SimpleModule controlCharacterGuardModule() {
        return new SimpleModule("control-character-guard").addDeserializer(String.class, new Checked());
    }

    static final class Checked extends StdScalarDeserializer<String> {

        Checked() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String problem = value == null ? null : problemOf(value);
            if (problem != null) {
                throw JsonMappingException.from(parser, problem, new IllegalArgumentException(problem));
            }
            return value;
        }
    }
}
