package org.gardpipeline.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reading of one GARD API record's fields. A field that is missing or JSON null reads as absent; a field
 * of another type than the record's own quarantines the document with its path named, so that a record damaged
 * in saving is never read as one with less in it. Keys the parser does not read are never looked at.
 */
final class ApiFields {
    private static final String FORMAT = "gard-api-json";

    private ApiFields() {
    }

    /** The text of a string field, or null when absent. */
    static String text(JsonNode parent, String field, String where) throws ParseException {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(where + "." + field, node, "a string");
        }
        return node.textValue();
    }

    /** The elements of an array field (none when absent), each an object. */
    static List<JsonNode> objects(JsonNode parent, String field, String where) throws ParseException {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw wrongType(where + "." + field, node, "an array");
        }
        List<JsonNode> objects = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject()) {
                throw wrongType(where + "." + field + "[" + i + "]", node.get(i), "an object");
            }
            objects.add(node.get(i));
        }
        return objects;
    }

    /** The strings of an array field (none when absent). */
    static List<String> texts(JsonNode parent, String field, String where) throws ParseException {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw wrongType(where + "." + field, node, "an array");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw wrongType(where + "." + field + "[" + i + "]", node.get(i), "a string");
            }
            texts.add(node.get(i).textValue());
        }
        return texts;
    }

    /** An object field, or null when absent. */
    static JsonNode object(JsonNode parent, String field, String where) throws ParseException {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(where + "." + field, node, "an object");
        }
        return node;
    }

    /** A whole-number field (an id), or null when absent. */
    static Long id(JsonNode parent, String field, String where) throws ParseException {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber()) {
            throw wrongType(where + "." + field, node, "a whole number");
        }
        return node.longValue();
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static ParseException wrongType(String path, JsonNode node, String expected) {
        return new ParseException(FORMAT + " field " + path + " is " + describe(node) + ", expected " + expected);
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
