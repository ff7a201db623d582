package org.frontline.streams.tally;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CasualtyTalliesTest {

    @Test
    void headlineIsTheTitleWhenThereIsOne() {
        assertThat(CasualtyTallies.headline("  Kherson shelled again ", "Body.")).isEqualTo("Kherson shelled again");
    }

    @Test
    void headlineOfAnUntitledArticleIsItsOpeningWordsCutAtAWord() {
        String body = "\"We are meeting in Bucharest at a critical moment for our security and today's message is "
                + "clear: NATO is here\", said the secretary general.\n\nMore text.";

        String headline = CasualtyTallies.headline(null, body);

        assertThat(headline).startsWith("\"We are meeting in Bucharest").endsWith("…").hasSizeLessThanOrEqualTo(81);
        assertThat(headline).doesNotContain("\n").doesNotEndWith(" …");
        assertThat(body).contains(headline.substring(0, headline.length() - 1));
    }

    @Test
    void headlineOfAShortOrEmptyBody() {
        assertThat(CasualtyTallies.headline("", "Four killed in Kharkiv.")).isEqualTo("Four killed in Kharkiv.");
        assertThat(CasualtyTallies.headline(null, "   ")).isNull();
    }
}
