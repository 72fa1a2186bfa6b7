package org.netcompare.nets.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a model.json layer list: a name, a type ({@code "conv2d"}, ...) and the type's
 * attributes ({@code in}, {@code out}, {@code kernel}, ...: integers, numbers or booleans, in
 * file order). Checked against its {@link LayerType} when built.
 */
public final class LayerSpec {

    private final String name;
    private final String type;
    private final Map<String, Object> attributes;

    /** @param attributes values of type Integer, Double or Boolean */
    public LayerSpec(String name, String type, Map<String, ?> attributes) {
        this.name = name;
        this.type = type;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** A spec with attributes given as alternating names and values. */
    public static LayerSpec of(String name, String type, Object... namesAndValues) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new LayerSpec(name, type, attributes);
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    /** The attributes in file order, without name and type. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** A required integer attribute. */
    int integer(String key) {
        Object value = attributes.get(key);
        if (value == null) {
            throw problem("needs \"" + key + "\"");
        }
        return integerValue(key, value);
    }

    /** An optional integer attribute. */
    int integer(String key, int fallback) {
        Object value = attributes.get(key);
        return value == null ? fallback : integerValue(key, value);
    }

    /** An optional number. */
    double number(String key, double fallback) {
        Object value = attributes.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number)) {
            throw problem("\"" + key + "\" must be a number, got " + value);
        }
        return ((Number) value).doubleValue();
    }

    /** An optional boolean. */
    boolean flag(String key, boolean fallback) {
        Object value = attributes.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean)) {
            throw problem("\"" + key + "\" must be true or false, got " + value);
        }
        return (Boolean) value;
    }

    private int integerValue(String key, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Math.toIntExact(((Number) value).longValue());
        }
        throw problem("\"" + key + "\" must be an integer, got " + value);
    }

    /** An error naming this layer. */
    IllegalArgumentException problem(String what) {
        return new IllegalArgumentException("layer " + name + " (" + type + "): " + what);
    }

    @Override
    public String toString() {
        return name + " " + type + " " + attributes;
    }
}
