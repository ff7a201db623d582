package org.frontline.broker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.frontline.broker.BrokerSecurity;
import org.frontline.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The tests' Kafka broker: an {@link EmbeddedKafkaBroker} on a fresh temporary directory, closed and
 * deleted afterwards.
 *
 * <p>Register it with {@code @RegisterExtension}. In a {@code static} field one broker serves the whole
 * test class; in an instance field each test gets its own.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
 * ...
 * Cli.run("publish", "--bootstrap-servers", KAFKA.bootstrapServers(), seeds);
 * }</pre>
 */
public final class KafkaBrokerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** The super-user of a {@link #secured()} broker. */
    public static final String SUPER_USER = "admin";

    private final Map<String, String> overrides;
    private final boolean secured;
    private BrokerSecurity security;
    private EmbeddedKafkaBroker broker;
    private Path dataDir;
    private boolean perTest;

    /** A broker with the embedded broker's default settings. */
    public KafkaBrokerExtension() {
        this(Map.of());
    }

    /** A broker with settings that replace or add to the embedded broker's defaults. */
    public KafkaBrokerExtension(Map<String, String> overrides) {
        this(overrides, false);
    }

    private KafkaBrokerExtension(Map<String, String> overrides, boolean secured) {
        this.overrides = Map.copyOf(overrides);
        this.secured = secured;
    }

    /**
     * A broker whose only client listener is SASL_SSL (SCRAM-SHA-512) with ACLs enforced
     * ({@link BrokerSecurity}), its certificates made by a CA created for the test ({@link TestCertificates}).
     * Only {@link #SUPER_USER} exists at first; {@link #superUserClientProperties()} reaches the broker as it.
     */
    public static KafkaBrokerExtension secured() {
        return new KafkaBrokerExtension(Map.of(), true);
    }

    /** The secured broker's stores and super-user; null for a plain-text broker. */
    public BrokerSecurity security() {
        running();
        return security;
    }

    /** Client settings (bootstrap included) of the super-user of a {@link #secured()} broker. */
    public Map<String, Object> superUserClientProperties() {
        Map<String, Object> props = new java.util.HashMap<>(security().superUserClientProperties());
        props.put("bootstrap.servers", bootstrapServers());
        return props;
    }

    /** The {@code bootstrap.servers} value for clients of the running broker. */
    public String bootstrapServers() {
        return running().bootstrapServers();
    }

    /** The broker's data directory; deleted when the broker is closed. */
    public Path dataDir() {
        running();
        return dataDir;
    }

    /** The running broker itself, for what {@link #bootstrapServers()} does not cover. */
    public EmbeddedKafkaBroker broker() {
        return running();
    }

    // JUnit calls beforeAll only for an extension in a static field, so that is the per-class case.
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (broker == null) {
            perTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    private EmbeddedKafkaBroker running() {
        if (broker == null) {
            throw new IllegalStateException("The broker runs only inside a test; register the extension "
                    + "with @RegisterExtension");
        }
        return broker;
    }

    private void start() throws IOException {
        dataDir = Files.createTempDirectory("frontline-kafka-");
        try {
            if (secured) {
                TestCertificates certificates = TestCertificates.create(dataDir.resolve("tls"), "test-store-secret");
                security = new BrokerSecurity(certificates.keyStore(), certificates.trustStore(),
                        certificates.password(), SUPER_USER, "admin-secret");
            }
            broker = EmbeddedKafkaBroker.start(dataDir, overrides, security);
        } catch (RuntimeException e) {
            deleteRecursively(dataDir);
            dataDir = null;
            throw e;
        }
    }

    private void stop() {
        if (broker == null) {
            return;
        }
        try {
            broker.close();
        } finally {
            broker = null;
            security = null;
            deleteRecursively(dataDir);
            dataDir = null;
        }
    }

    static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the broker's data directory " + root, e);
        }
    }
}
