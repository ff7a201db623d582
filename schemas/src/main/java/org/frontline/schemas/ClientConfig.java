package org.frontline.schemas;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Kafka client settings for one Frontline application, layered from lowest to highest precedence:
 * the application's defaults in code, an optional properties file ({@code --config FILE}, standard
 * Kafka client properties, so TLS and SASL settings work unchanged), {@code KAFKA_*} environment
 * variables ({@code KAFKA_BOOTSTRAP_SERVERS} becomes {@code bootstrap.servers}), then flags.
 */
public final class ClientConfig {

    private static final String ENV_PREFIX = "KAFKA_";
    private static final String FRONTLINE_PREFIX = "frontline.";
    /** Variables of Kafka's scripts and of docker-compose, not client properties. */
    private static final Set<String> NOT_CLIENT_PROPERTIES = Set.of("KAFKA_HEAP_OPTS", "KAFKA_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JMX_OPTS", "KAFKA_DEBUG", "KAFKA_IMAGE");

    private ClientConfig() {
    }

    /** Merges the layers; {@code file} may be null. */
    public static Properties layered(Map<String, ?> defaults, Path file, Map<String, String> env,
                                     Map<String, ?> flags) {
        Properties props = new Properties();
        props.putAll(defaults);
        if (file != null) {
            props.putAll(readFile(file));
        }
        props.putAll(fromEnvironment(env));
        props.putAll(flags);
        return props;
    }

    /** {@code KAFKA_SECURITY_PROTOCOL=SSL} to {@code security.protocol=SSL}, for each KAFKA_* variable. */
    public static Properties fromEnvironment(Map<String, String> env) {
        Properties props = new Properties();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()
                    && !NOT_CLIENT_PROPERTIES.contains(name) && !value.isBlank()) {
                props.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return props;
    }

    /** The properties meant for Kafka clients: all but Frontline's own {@code frontline.*} settings. */
    public static Map<String, Object> kafkaOnly(Properties props) {
        Map<String, Object> kafka = new HashMap<>();
        props.forEach((k, v) -> {
            if (!k.toString().startsWith(FRONTLINE_PREFIX)) {
                kafka.put(k.toString(), v);
            }
        });
        return kafka;
    }

    /** Reads a properties file. */
    public static Properties readFile(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read client configuration " + file + ": " + e.getMessage(), e);
        }
        return props;
    }
}
