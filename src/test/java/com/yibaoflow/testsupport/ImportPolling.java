package com.yibaoflow.testsupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Follows a background import through its status endpoint until it is no longer RUNNING (at most 30 s). */
public final class ImportPolling {

    private ImportPolling() {}

    public static JsonNode awaitEnd(
            MockMvc mvc, ObjectMapper json, String location, RequestPostProcessor user, Runnable beforeEachLook)
            throws Exception {
        for (int i = 0; i < 300; i++) {
            beforeEachLook.run();
            JsonNode node = json.readTree(mvc.perform(get(location).with(user))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            if (!"RUNNING".equals(node.at("/status/status").asText())) {
                return node;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import at " + location + " did not end");
    }
}
