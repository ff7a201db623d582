package org.frontline.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.frontline.extract.ArticleText;
import org.frontline.extract.Extraction;
import org.frontline.extract.Extractor;
import org.frontline.extract.SpeakerNames;
import org.frontline.launcher.bench.SyntheticCorpus.Generated;
import org.frontline.launcher.bench.SyntheticCorpus.Hot;
import org.frontline.producer.ArticleIds;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {

    private static final Path DEV = Path.of("..", "corpus", "dev");

    @Test
    void sameSeedGivesTheSameCorpusAndAnotherSeedAnother() {
        SyntheticCorpus corpus = SyntheticCorpus.from(DEV, new Hot(true, true));
        List<Generated> first = corpus.generate(200, 42);
        assertThat(SyntheticCorpus.from(DEV, new Hot(true, true)).generate(200, 42)).isEqualTo(first);
        assertThat(corpus.generate(200, 43)).isNotEqualTo(first);
        assertThat(corpus.article(150, 42)).isEqualTo(first.get(150));
    }

    @Test
    void everyArticleHasItsOwnIdAndAboutTheSizeOfASeed() {
        List<Generated> articles = SyntheticCorpus.from(DEV, new Hot(false, false)).generate(5_000, 7);
        Set<String> ids = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        articles.forEach(a -> {
            ids.add(ArticleIds.forUrl(a.fields().url()));
            bodies.add(a.fields().body());
        });
        assertThat(ids).hasSize(5_000);
        assertThat(bodies).hasSize(5_000);
        double mean = articles.stream().mapToInt(Generated::bytes).average().orElseThrow();
        assertThat(mean).isBetween(2_400.0, 3_200.0);
    }

    @Test
    void hotOptionsAddTheirParagraphsOnlyWhenAsked() {
        List<Generated> plain = SyntheticCorpus.from(DEV, new Hot(false, false)).generate(100, 1);
        List<Generated> hot = SyntheticCorpus.from(DEV, new Hot(true, true)).generate(100, 1);
        assertThat(plain).noneMatch(a -> a.fields().body().contains(SyntheticCorpus.HOT_SPEAKER));
        assertThat(hot).allMatch(a -> a.fields().body().contains(SyntheticCorpus.HOT_SPEAKER));
        assertThat(hot).extracting(a -> a.fields().body())
                .allMatch(b -> b.contains("7 Ukrainian civilians") || b.contains("7 civili ucraini"));
    }

    @Test
    void theExtractorFindsTheHotSpeakerAndTheHotCasualtyInEveryArticle() {
        Extractor extractor = Extractor.create();
        // Seed 1 with 350 articles is what BenchCommandIT runs; seed 3 is another draw.
        List<Generated> articles = new java.util.ArrayList<>(SyntheticCorpus.from(DEV, new Hot(true, true))
                .generate(350, 1));
        articles.addAll(SyntheticCorpus.from(DEV, new Hot(true, true)).generate(300, 3));
        Set<String> languages = new HashSet<>();
        for (Generated article : articles) {
            Extraction found = extractor.extract(new ArticleText(article.fields().title(), article.fields().body(),
                    article.fields().published()));
            languages.add(found.language());
            assertThat(found.statements()).as("statements of article %d (%s)", article.number(), found.language())
                    .anySatisfy(s -> assertThat(SpeakerNames.canonicalKey(s.speaker()))
                            .isEqualTo(SpeakerNames.canonicalKey(SyntheticCorpus.HOT_SPEAKER)));
            assertThat(found.casualties()).as("figures of article %d (%s)", article.number(), found.language())
                    .anySatisfy(f -> {
                        assertThat(f.outcome()).isEqualTo(SyntheticCorpus.HOT_CASUALTY.outcome());
                        assertThat(f.victims()).isEqualTo(SyntheticCorpus.HOT_CASUALTY.victims());
                        assertThat(f.party()).isEqualTo(SyntheticCorpus.HOT_CASUALTY.party());
                    });
        }
        assertThat(languages).containsExactlyInAnyOrder("en", "it");
    }
}
