package org.frontline.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageSupportTest {

    private final Extractor extractor = Extractor.create();

    @Test
    void unsupportedLanguageGetsItsCodeAndNothingElse() {
        Extraction extraction = extractor.extract(new ArticleText(null,
                "Au moins 12 personnes ont été tuées et 30 blessées "
                + "dans le bombardement de la ville, a déclaré « le gouverneur de la région » mardi soir.", null));

        assertThat(extraction.language()).isEqualTo("fr");
        assertThat(extraction.casualties()).isEmpty();
        assertThat(extraction.statements()).isEmpty();
        assertThat(extraction.people()).isEmpty();
    }

    @Test
    void englishAndItalianAreTold() {
        assertThat(extractor.extract(
                new ArticleText(null, "Six civilians were killed in the shelling of the town.", null))
                .language()).isEqualTo("en");
        assertThat(extractor.extract(
                new ArticleText(null, "Sei civili sono stati uccisi nel bombardamento della città.", null))
                .language()).isEqualTo("it");
    }

    @Test
    void shortNewsSentencesAreTold() {
        assertThat(languageOf("Two civilians were killed in Dnipro overnight, the governor said.")).isEqualTo("en");
        assertThat(languageOf("Two civilians were killed in Dnipro.")).isEqualTo("en");
        assertThat(languageOf("Due civili sono stati uccisi a Dnipro nella notte, ha detto il governatore."))
                .isEqualTo("it");
        assertThat(languageOf("Due civili sono stati uccisi a Dnipro.")).isEqualTo("it");
    }

    @Test
    void aBriefIsToldWithItsHeadline() {
        // The body alone reads as Spanish: too few words of its own.
        assertThat(extractor.extract(new ArticleText("Ucraina, un drone russo colpisce un autobus nella notte a "
                + "Kherson", "Il drone ha colpito un autobus: 9 morti.", null)).language()).isEqualTo("it");
        assertThat(extractor.extract(new ArticleText("Russian drone hits a bus in Kherson overnight",
                "The drone hit a bus: 9 dead.", null)).language()).isEqualTo("en");
    }

    @Test
    void headlineInCapitalsIsReadAsWritten() {
        assertThat(languageOf("DUE CIVILI SONO STATI UCCISI A DNIPRO NELLA NOTTE, HA DETTO IL GOVERNATORE"))
                .isEqualTo("it");
    }

    private String languageOf(String body) {
        return extractor.extract(new ArticleText(null, body, null)).language();
    }

    /** Days, months, question words and interview labels are not people (lexicon not-names.txt). */
    @Test
    void datesAndQuestionWordsAreNotPeople() {
        Extraction english = extractor.extract(new ArticleText(null, "On Monday Jens Stoltenberg met the ministers. "
                + "Aug. 24 is Ukraine's independence day.\n\nQ: What happened on Friday?", null));
        assertThat(english.people()).containsExactly("Jens Stoltenberg");
        Extraction italian = extractor.extract(new ArticleText(null, "Lunedì Giorgia Meloni ha incontrato i "
                + "ministri a Roma.\n\nD: Quanti feriti sono arrivati venerdì?", null));
        assertThat(italian.people()).containsExactly("Giorgia Meloni");
    }
}
