package org.frontline.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The client listener secured the way a production cluster is: {@code SASL_SSL} with SCRAM-SHA-512, and
 * ACLs enforced by KRaft's {@code StandardAuthorizer}. The broker authenticates to itself (transaction
 * markers go over the inter-broker listener) as {@code superUser}, whose SCRAM credential is written into
 * the cluster metadata when the data directory is formatted; other users are created with the Admin API.
 *
 * <p>The controller listener stays {@code PLAINTEXT} on the loopback address, where the broker part of this
 * single node reaches its controller part as {@code User:ANONYMOUS}; that principal is a super-user so that
 * the controller accepts it. No client ever connects there: {@code bootstrapServers} names the SASL_SSL
 * listener only.
 *
 * @param keyStore          PKCS12 store with the broker's key and its certificate (for 127.0.0.1)
 * @param trustStore        PKCS12 store with the certificate authority that signed it
 * @param storePassword     password of both stores and of the key
 * @param superUser         the broker's own SCRAM user, allowed everything
 * @param superUserPassword its password
 */
public record BrokerSecurity(Path keyStore, Path trustStore, String storePassword, String superUser,
                             String superUserPassword) {

    /** The only SASL mechanism enabled. */
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** The listener's name, also its security protocol. */
    static final String LISTENER = "SASL_SSL";
    private static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

    /** Broker settings for a node whose client and inter-broker listener is {@link #LISTENER}. */
    Map<String, String> brokerProperties() {
        String prefix = "listener.name." + LISTENER.toLowerCase(Locale.ROOT) + ".";
        Map<String, String> props = new HashMap<>();
        props.put("sasl.enabled.mechanisms", MECHANISM);
        props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        props.put(prefix + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                jaas(superUser, superUserPassword));
        props.put("ssl.keystore.type", "PKCS12");
        props.put("ssl.keystore.location", keyStore.toAbsolutePath().toString());
        props.put("ssl.keystore.password", storePassword);
        props.put("ssl.key.password", storePassword);
        props.put("ssl.truststore.type", "PKCS12");
        props.put("ssl.truststore.location", trustStore.toAbsolutePath().toString());
        props.put("ssl.truststore.password", storePassword);
        props.put("authorizer.class.name", AUTHORIZER);
        props.put("super.users", "User:" + superUser + ";User:ANONYMOUS");
        props.put("allow.everyone.if.no.acl.found", "false");
        return props;
    }

    /** The {@code --add-scram} argument of Kafka's storage format tool for the super-user. */
    String scramCredential() {
        return MECHANISM + "=[name=" + superUser + ",password=" + superUserPassword + "]";
    }

    /** Client settings for {@code user}: what a {@code client.properties} for this cluster holds. */
    public Map<String, String> clientProperties(String user, String password) {
        Map<String, String> props = new HashMap<>();
        props.put("security.protocol", LISTENER);
        props.put("sasl.mechanism", MECHANISM);
        props.put("sasl.jaas.config", jaas(user, password));
        props.put("ssl.truststore.type", "PKCS12");
        props.put("ssl.truststore.location", trustStore.toAbsolutePath().toString());
        props.put("ssl.truststore.password", storePassword);
        return props;
    }

    /** Client settings for the super-user. */
    public Map<String, String> superUserClientProperties() {
        return clientProperties(superUser, superUserPassword);
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
