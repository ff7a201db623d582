package org.frontline.extract.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.extract.ArticleText;
import org.frontline.extract.CasualtyFigure;
import org.frontline.extract.Extraction;
import org.frontline.extract.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractionJsonTest {

    @Test
    void lineCarriesTheGoldFieldNamesScorePyReads() throws Exception {
        Extraction extraction = new Extraction("it",
                List.of(new CasualtyFigure(3, "killed", "civilians", null, false, false, "Alyoshki",
                        "Tre civili sono stati uccisi", "predicate", 0, 28)),
                List.of(new Statement("Dmitry Peskov", List.of("Peskov"), "garanzie reciproche di sicurezza",
                        "verb-after", 40, 72)),
                List.of("Dmitry Peskov"), List.of("Cremlino"), List.of("Minsk"));

        String line = ExtractionJson.toJsonLine("003", new ArticleText(null, "body", "2024-12"), extraction);
        JsonNode json = new ObjectMapper().readTree(line);

        assertThat(line).doesNotContain("\n");
        assertThat(json.path("name").asText()).isEqualTo("003");
        assertThat(json.path("published").asText()).isEqualTo("2024-12");
        assertThat(json.path("casualties").get(0).fieldNames()).toIterable().containsExactly(
                "count", "outcome", "victims", "party", "cumulative", "approximate", "location", "evidence",
                "rule", "start", "end");
        assertThat(json.path("casualties").get(0).path("rule").asText()).isEqualTo("predicate");
        assertThat(json.path("casualties").get(0).path("end").asInt()).isEqualTo(28);
        assertThat(json.path("casualties").get(0).path("party").isNull()).isTrue();
        assertThat(json.path("statements").get(0).fieldNames()).toIterable()
                .containsExactly("speaker", "aliases", "quote", "sieve", "start", "end");
        assertThat(json.path("statements").get(0).path("sieve").asText()).isEqualTo("verb-after");
        assertThat(json.path("people").get(0).asText()).isEqualTo("Dmitry Peskov");
    }
}
