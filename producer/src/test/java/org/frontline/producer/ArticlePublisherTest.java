package org.frontline.producer;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.junit.jupiter.api.Test;

/** Which failures of a send are worth sending again; the refusal itself is in {@code FilePublishingIT}. */
class ArticlePublisherTest {

    @Test
    void aFailoverIsSentAgainAndARefusalIsNot() {
        // What a leader's failover gives a send: retriable errors, and a sequence the new leader does not know.
        assertThat(ArticlePublisher.isTransient(new TimeoutException("expired"))).isTrue();
        assertThat(ArticlePublisher.isTransient(new NotLeaderOrFollowerException("moved"))).isTrue();
        assertThat(ArticlePublisher.isTransient(new OutOfOrderSequenceException("lost"))).isTrue();
        assertThat(ArticlePublisher.isTransient(new UnknownProducerIdException("gone"))).isTrue();
        // What the cluster will say again however often it is asked.
        assertThat(ArticlePublisher.isTransient(new RecordTooLargeException("too large"))).isFalse();
        assertThat(ArticlePublisher.isTransient(new TopicAuthorizationException("denied"))).isFalse();
    }
}
