package org.frontline.extract.internal.language;

import org.frontline.extract.ArticleFiles;
import org.frontline.extract.ArticleText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageIdentifierTest {

    private final LanguageIdentifier identifier = new LanguageIdentifier(160);

    /**
     * Every paragraph and title of the corpus with at least five lower-case words, told alone: robustness for
     * short articles and briefs. Shorter lines (bulletin lines such as "cruise missiles – 2,628", share
     * buttons, the Italian copyright line under an English seed article) carry too few words to tell a
     * language by. The one miss is a link line in capitals whose six lower-case words ("e jihad, la guerra
     * dimenticata di") read as Spanish.
     */
    @Test
    void everyCorpusParagraphIsToldOnItsOwn() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> paragraph : corpusParagraphs()) {
            if (lowerCaseWords(paragraph.getKey()) < 5) {
                continue;
            }
            String told = identifier.identify(paragraph.getKey());
            if (!told.equals(paragraph.getValue())) {
                wrong.add(told + ": " + paragraph.getKey());
            }
        }
        assertThat(wrong).containsExactly("es: LEGGI ANCHE: Gas e jihad, la guerra dimenticata di Cabo Delgado");
    }

    @Test
    void otherScriptsGetTheModelsOwnAnswer() {
        assertThat(identifier.identify("قُتل ستة مدنيين في قصف على المدينة، بحسب ما قاله الحاكم")).isEqualTo("ar");
        assertThat(identifier.identify("שישה אזרחים נהרגו בהפגזה על העיר, אמר המושל.")).isEqualTo("he");
        assertThat(identifier.identify("在对该镇的炮击中，六名平民被打死，州长说。")).isEqualTo("zh");
    }

    @Test
    void latinAndCyrillicCandidatesAreToldApart() {
        assertThat(identifier.identify("Seis civiles murieron en el bombardeo de la ciudad, dijo el gobernador."))
                .isEqualTo("es");
        assertThat(identifier.identify(
                "Sechs Zivilisten wurden bei dem Beschuss der Stadt getötet, sagte der Gouverneur.")).isEqualTo("de");
        assertThat(identifier.identify(
                "Шестеро мирных жителей погибли в результате обстрела города, заявил губернатор.")).isEqualTo("ru");
        assertThat(identifier.identify(
                "Шестеро мирних жителів загинули внаслідок обстрілу міста, заявив губернатор.")).isEqualTo("uk");
    }

    @Test
    void textWithoutLettersIsUndetermined() {
        assertThat(identifier.identify("")).isEqualTo(LanguageIdentifier.UNDETERMINED);
        assertThat(identifier.identify("12:45 — 6,655 / 120.160")).isEqualTo(LanguageIdentifier.UNDETERMINED);
    }

    /** One identifier serves every stream thread: answers under contention equal those of one thread. */
    @Test
    void concurrentCallsAgreeWithSequentialOnes() throws Exception {
        List<String> texts = corpusParagraphs().stream().map(Map.Entry::getKey).toList();
        List<String> sequential = texts.stream().map(identifier::identify).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int run = 0; run < 4; run++) {
                runs.add(pool.submit(() -> texts.stream().map(identifier::identify).toList()));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Paragraphs of at least 20 characters and titles of corpus/dev and the seeds, with their article's language. */
    static List<Map.Entry<String, String>> corpusParagraphs() throws IOException {
        List<Map.Entry<String, String>> paragraphs = new ArrayList<>();
        for (Path directory : List.of(Path.of("../corpus/dev"), Path.of("../seeds"))) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    ArticleText article = ArticleFiles.parse(Files.readString(file));
                    String language = goldLanguage(file);
                    if (article.title() != null) {
                        paragraphs.add(Map.entry(article.title(), language));
                    }
                    for (String paragraph : article.body().split("\n")) {
                        if (paragraph.strip().length() >= 20) {
                            paragraphs.add(Map.entry(paragraph, language));
                        }
                    }
                }
            }
        }
        return paragraphs;
    }

    private static long lowerCaseWords(String text) {
        return java.util.Arrays.stream(text.split("[^\\p{L}]+"))
                .filter(word -> !word.isEmpty() && Character.isLowerCase(word.codePointAt(0)))
                .count();
    }

    private static String goldLanguage(Path article) throws IOException {
        String gold = Files.readString(Path.of(article.toString().replaceFirst("\\.txt$", ".gold.json")));
        return gold.replaceAll("(?s).*\"language\"\\s*:\\s*\"([a-z]+)\".*", "$1");
    }
}
