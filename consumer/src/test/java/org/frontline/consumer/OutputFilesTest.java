package org.frontline.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.frontline.avro.CasualtyTally;
import org.frontline.avro.SpeakerTally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OutputFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTalliesAsJsonArraysWithTheGoldFieldNames() throws Exception {
        OutputFiles files = new OutputFiles(dir);
        files.writeCasualties(List.of(CasualtyTally.newBuilder().setOutcome("killed").setVictims("civilians")
                .setParty("UA").setIncidentTotal(4).setLatestCumulative(6655L)
                .setLatestCumulativeArticle("a1").setLatestCumulativePublished("2022-11")
                .setLatestCumulativeTitle("Kyiv, day 270").setReports(3).setArticles(2).build()));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("casualties.json").toFile());

        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).get("incident_total").asLong()).isEqualTo(4);
        assertThat(json.get(0).get("latest_cumulative").asLong()).isEqualTo(6655);
        assertThat(json.get(0).get("party").asText()).isEqualTo("UA");
        assertThat(Files.readAllLines(dir.resolve("casualties.csv"))).containsExactly(
                "outcome,victims,party,incident_total,latest_cumulative,latest_cumulative_article,"
                        + "latest_cumulative_published,reports,articles,latest_cumulative_title",
                "killed,civilians,UA,4,6655,a1,2022-11,3,2,\"Kyiv, day 270\"");
    }

    @Test
    void quotesCsvFieldsThatHoldCommasQuotesOrNewlines() throws Exception {
        new OutputFiles(dir).writeSpeakers(List.of(SpeakerTally.newBuilder().setSpeaker("Jens Stoltenberg")
                .setStatements(2).setArticles(1).setFirstPublished(null).setLastPublished(null)
                .setLatestQuote("NATO is here, \"vigilant\"\nand ready").build()));

        String csv = Files.readString(dir.resolve("statements.csv"));

        assertThat(csv).contains("\"NATO is here, \"\"vigilant\"\"\nand ready\"");
    }

    @Test
    void replacesFilesWholeAndLeavesNoTemporaryFiles() throws Exception {
        OutputFiles files = new OutputFiles(dir);
        files.writeSpeakers(List.of());
        files.writeSpeakers(List.of(SpeakerTally.newBuilder().setSpeaker("Dtek").setStatements(1).setArticles(1)
                .build()));

        assertThat(new ObjectMapper().readTree(dir.resolve("statements.json").toFile())).hasSize(1);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("statements.json", "statements.csv");
        }
    }
}
