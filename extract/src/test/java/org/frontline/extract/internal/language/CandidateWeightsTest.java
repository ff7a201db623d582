package org.frontline.extract.internal.language;

import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link CandidateWeights} sums what OpenNLP's own context generator and the model's weight map sum, for every
 * language of the model, on the corpus's paragraphs as written (numbers, links, capitals) and as sampled, and on
 * text that exercises each normaliser and the lower-casing.
 */
class CandidateWeightsTest {

    private static Map<String, Context> features;
    private static LanguageDetectorContextGenerator generator;
    private static CandidateWeights weights;
    private static int languages;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void loadModel() throws IOException {
        try (InputStream in = CandidateWeightsTest.class.getResourceAsStream("/langdetect-183.bin")) {
            LanguageDetectorModel model = new LanguageDetectorModel(in);
            AbstractModel maxent = (AbstractModel) model.getMaxentModel();
            features = (Map<String, Context>) maxent.getDataStructures()[1];
            generator = model.getFactory().getContextGenerator();
            languages = maxent.getNumOutcomes();
            int[] every = new int[languages];
            for (int i = 0; i < languages; i++) {
                every[i] = i;
            }
            weights = new CandidateWeights(features, every, languages);
        }
    }

    @Test
    void corpusParagraphsAndSamplesSumAsTheModelDoes() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Map.Entry<String, String> paragraph : LanguageIdentifierTest.corpusParagraphs()) {
            texts.add(paragraph.getKey());
            texts.add(LanguageIdentifier.sample(paragraph.getKey(), 32));
            texts.add(LanguageIdentifier.sample(paragraph.getKey(), 160));
        }
        assertThat(texts).hasSizeGreaterThan(1_500);
        texts.forEach(CandidateWeightsTest::assertSameSums);
    }

    @Test
    void normalisersAndLowerCasingAreTheGenerators() {
        List.of("", "a", "ab", "Visit https://example.org/news or write to desk@example.org now",
                "RT @unhcr: #Sudan hahahaha 12,000 displaced 😢😢 in El Fasher", "aaaaaah    so   many     spaces",
                "İSTANBUL ΣΟΦΊΑ Straße ĲSSEL dell’Ucraina L'ONU", "𝐁𝐨𝐥𝐝 letters 𐐀𐐁 Deseret",
                "Шестеро мирных жителей погибли", "قُتل ستة مدنيين").forEach(CandidateWeightsTest::assertSameSums);
    }

    private static void assertSameSums(String text) {
        double[] expected = new double[languages];
        for (CharSequence feature : generator.getContext(text)) {
            Context context = features.get(feature.toString());
            if (context != null) {
                for (int k = 0; k < context.getOutcomes().length; k++) {
                    expected[context.getOutcomes()[k]] += context.getParameters()[k];
                }
            }
        }
        double[] actual = new double[languages];
        weights.addTo(text, actual);
        for (int c = 0; c < languages; c++) {
            assertThat(actual[c]).as("language %d of \"%s\"", c, text).isCloseTo(expected[c], within(1e-9));
        }
    }
}
