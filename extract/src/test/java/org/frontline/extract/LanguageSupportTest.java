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
}
