package org.frontline.schemas;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Avro records as plain JSON for people and for non-Java tools: the schema's field names, times as
 * ISO-8601 strings, bytes as base64, unions as their value (not Avro's tagged JSON encoding).
 */
public final class AvroJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AvroJson() {
    }

    /** The record as nested maps and lists, fields in schema order. */
    public static Map<String, Object> toMap(IndexedRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            map.put(field.name(), plain(record.get(field.pos())));
        }
        return map;
    }

    /** The record as one line of JSON. */
    public static String toJson(IndexedRecord record) {
        try {
            return MAPPER.writeValueAsString(toMap(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain values always serialise", e);
        }
    }

    private static Object plain(Object value) {
        if (value instanceof IndexedRecord record) {
            return toMap(record);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(k.toString(), plain(v)));
            return sorted;
        } else if (value instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>();
            items.forEach(item -> list.add(plain(item)));
            return list;
        } else if (value instanceof ByteBuffer bytes) {
            ByteBuffer copy = bytes.duplicate();
            byte[] raw = new byte[copy.remaining()];
            copy.get(raw);
            return Base64.getEncoder().encodeToString(raw);
        } else if (value instanceof Instant instant) {
            return instant.toString();
        } else if (value instanceof CharSequence text) {
            return text.toString();
        }
        return value;
    }
}
