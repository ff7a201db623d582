package org.frontline.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of every Frontline schema, read from
 * {@code org/frontline/schemas/history/} on the class path.
 *
 * <p>A record written by any released version stays readable: decoders look the writer's schema up
 * here by its fingerprint (Avro single-object encoding) and resolve it to the current one. Releasing
 * a schema change means adding its new version to the history folder and its {@code index.txt};
 * {@code SchemaHistoryTest} fails while the current schemas are not released.
 */
public final class SchemaHistory {

    private static final String FOLDER = "org/frontline/schemas/history/";
    private static final SchemaHistory RELEASED = load(SchemaHistory.class.getClassLoader());

    private final Map<String, List<Schema>> versionsByName;

    private SchemaHistory(Map<String, List<Schema>> versionsByName) {
        this.versionsByName = versionsByName;
    }

    /** The versions shipped with this build. */
    public static SchemaHistory released() {
        return RELEASED;
    }

    /** Reads the history listed in {@code index.txt}, one {@code .avsc} path per line, oldest first. */
    public static SchemaHistory load(ClassLoader loader) {
        Map<String, List<Schema>> versions = new TreeMap<>();
        for (String file : read(loader, FOLDER + "index.txt").split("\\R")) {
            String path = file.strip();
            if (path.isEmpty() || path.startsWith("#")) {
                continue;
            }
            Schema schema = new Schema.Parser().parse(read(loader, FOLDER + path));
            versions.computeIfAbsent(schema.getFullName(), name -> new ArrayList<>()).add(schema);
        }
        return new SchemaHistory(versions);
    }

    /** The released versions of one record, oldest first; empty when it was never released. */
    public List<Schema> versions(String fullName) {
        return List.copyOf(versionsByName.getOrDefault(fullName, List.of()));
    }

    /** All record names with at least one released version. */
    public List<String> names() {
        return List.copyOf(versionsByName.keySet());
    }

    /** A store that finds each released version of {@code fullName} by its fingerprint. */
    public SchemaStore storeFor(String fullName) {
        SchemaStore.Cache store = new SchemaStore.Cache();
        versions(fullName).forEach(store::addSchema);
        return store;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema history resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema history resource " + resource, e);
        }
    }
}
