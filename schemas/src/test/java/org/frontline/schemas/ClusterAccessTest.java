package org.frontline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class ClusterAccessTest {

    @Test
    void principalIsTheSaslUsernameOfTheClientConfiguration() {
        Properties props = new Properties();
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"reader\" password=\"secret\";");

        assertThat(ClusterAccess.principal(props)).isEqualTo("User:reader");
    }

    @Test
    void withoutSaslThePrincipalIsNotGuessed() {
        assertThat(ClusterAccess.principal(new Properties())).isEqualTo("this client's principal");
    }
}
