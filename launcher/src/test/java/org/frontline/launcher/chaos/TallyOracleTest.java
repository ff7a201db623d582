package org.frontline.launcher.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.frontline.extract.SpeakerNames;
import org.junit.jupiter.api.Test;

class TallyOracleTest {

    private static final String KYIV = """
            {"name":"a","published":"2024-03-02","casualties":[
             {"count":7,"outcome":"killed","victims":"civilians","party":"UA","cumulative":false},
             {"count":3,"outcome":"killed","victims":"civilians","party":"UA","cumulative":false},
             {"count":500,"outcome":"killed","victims":"civilians","party":"UA","cumulative":true},
             {"count":12,"outcome":"injured","victims":"civilians","party":null,"cumulative":false}],
             "statements":[{"speaker":"Dmitry Peskov","quote":"x"},{"speaker":"Dmitry Peskov","quote":"y"}]}""";
    private static final String KHERSON = """
            {"name":"b","published":"2024-02-10","casualties":[
             {"count":2,"outcome":"killed","victims":"civilians","party":"UA","cumulative":false},
             {"count":620,"outcome":"killed","victims":"civilians","party":"UA","cumulative":true},
             {"count":480,"outcome":"killed","victims":"civilians","party":"UA","cumulative":true}],
             "statements":[{"speaker":"Dmitri Peskov","quote":"z"},{"speaker":"John Kirby","quote":"w"}]}""";
    private static final String UNDATED = """
            {"name":"c","published":null,"casualties":[],"statements":[{"speaker":"John Kirby","quote":"v"}]}""";

    @Test
    void sumsIncidentFiguresTakesTheLargestCumulativeAndCountsEachArticleOncePerTally() {
        Tallies tallies = new TallyOracle().add(KYIV).add(KHERSON).add(UNDATED).tallies();

        assertThat(tallies.casualties()).isEqualTo(Map.of(
                "killed|civilians|UA", new Tallies.Casualty(12, 6, 2, 620L),
                "injured|civilians|-", new Tallies.Casualty(12, 1, 1, null)));
        String peskov = SpeakerNames.canonicalKey("Dmitry Peskov");
        String kirby = SpeakerNames.canonicalKey("John Kirby");
        assertThat(tallies.statements()).isEqualTo(Map.of(
                peskov, new Tallies.Speaker(3, 2, "2024-02-10"),
                kirby, new Tallies.Speaker(2, 2, "2024-02-10")));
    }

    @Test
    void anArticleWithoutFiguresOrQuotesChangesNoTally() {
        Tallies before = new TallyOracle().add(KYIV).tallies();
        Tallies after = new TallyOracle().add(KYIV)
                .add("{\"name\":\"d\",\"published\":\"2024-01-01\",\"casualties\":[],\"statements\":[]}").tallies();

        assertThat(after).isEqualTo(before);
    }

    @Test
    void anArticleExtractedTwiceIsAnError() {
        assertThatThrownBy(() -> new TallyOracle().add(KYIV).add(KYIV)).hasMessageContaining("extracted twice");
    }

    @Test
    void comparisonCountsLostAndDoubleCountedArticles() {
        Tallies expected = new TallyOracle().add(KYIV).add(KHERSON).tallies();
        Tallies onlyKyiv = new TallyOracle().add(KYIV).tallies();

        Tallies.Comparison lost = expected.compare(onlyKyiv);
        Tallies.Comparison doubled = onlyKyiv.compare(expected);

        assertThat(expected.compare(expected).equal()).isTrue();
        assertThat(lost.equal()).isFalse();
        assertThat(lost.lost()).isEqualTo(3);
        assertThat(lost.doubleCounted()).isZero();
        assertThat(doubled.doubleCounted()).isEqualTo(3);
        String kirby = SpeakerNames.canonicalKey("John Kirby");
        assertThat(lost.differences()).anyMatch(d -> d.startsWith("statements " + kirby + ": expected"));
    }

    @Test
    void articleCountsAreKeptByName() {
        assertThat(new TallyOracle().add(KYIV).add(UNDATED).articles()).isEqualTo(Map.of(
                "a", new TallyOracle.ArticleCounts(4, 2), "c", new TallyOracle.ArticleCounts(0, 1)));
    }
}
