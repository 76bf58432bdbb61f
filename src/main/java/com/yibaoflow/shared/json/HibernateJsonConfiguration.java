package com.yibaoflow.shared.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON columns are written with the application's ObjectMapper (ISO dates, exact decimals), not Hibernate's own,
 * so what the database holds reads the same as what the API shows. The columns parsed lazily ({@link JsonText}) use
 * the very same mapper.
 */
@Configuration(proxyBeanMethods = false)
public class HibernateJsonConfiguration {

    @Bean
    JacksonJsonFormatMapper jsonColumnFormat(ObjectMapper objectMapper) {
        return new JacksonJsonFormatMapper(objectMapper);
    }

    @Bean
    HibernatePropertiesCustomizer jsonFormatMapper(JacksonJsonFormatMapper jsonColumnFormat) {
        return properties -> properties.put(AvailableSettings.JSON_FORMAT_MAPPER, jsonColumnFormat);
    }
}
