package com.yibaoflow.shared.json;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * Binds a {@link JsonText} column as its text and reads it back as the text the database returns ({@code jsonb}
 * read as a string), without parsing either way. Created by Spring (Hibernate's bean container) with the mapper
 * Hibernate's own JSON columns use.
 */
@Converter(autoApply = true)
public class JsonTextConverter implements AttributeConverter<JsonText, String> {

    private final JacksonJsonFormatMapper format;

    public JsonTextConverter(JacksonJsonFormatMapper jsonColumnFormat) {
        this.format = jsonColumnFormat;
    }

    @Override
    public String convertToDatabaseColumn(JsonText content) {
        return content == null ? null : content.text(format);
    }

    @Override
    public JsonText convertToEntityAttribute(String text) {
        return text == null ? null : JsonText.loaded(text, format);
    }
}
