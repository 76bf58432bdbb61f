package com.yibaoflow.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.yibaoflow.policy.calc.PolicyParameters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The SHA-256 digest of a version's figures (R-MM-03: the request approves the figures it saw). The parameters are
 * written as canonical JSON: object members sorted by name, no white space, numbers in plain notation without
 * trailing zeros (400, 400.0 and 400.00 are the same figure), strings as Jackson escapes them.
 */
@Component
class FiguresDigest {

    private final ObjectMapper json;

    FiguresDigest(ObjectMapper json) {
        this.json = json;
    }

    String of(PolicyParameters parameters) {
        JsonNode tree = json.valueToTree(parameters);
        StringBuilder canonical = new StringBuilder();
        write(tree, canonical);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(JsonNodeFactory.instance.textNode(names.get(i)).toString())
                        .append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            var value = node.decimalValue().stripTrailingZeros();
            out.append(value.signum() == 0 ? "0" : value.toPlainString());
        } else {
            out.append(node.toString());
        }
    }
}
