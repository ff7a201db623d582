package org.frontline.streams;

import java.util.ArrayList;
import java.util.List;

import org.frontline.extract.ArticleText;
import org.frontline.extract.CasualtyFigure;
import org.frontline.extract.Extraction;
import org.frontline.extract.Statement;

/**
 * An extractor for topology tests whose output the article's body dictates, one line per item:
 * {@code figure OUTCOME VICTIMS PARTY|- COUNT [cumulative]}, {@code quote SPEAKER: WORDS}, and {@code explode}
 * to make the extractor fail. Other lines are text and yield nothing.
 */
final class ScriptedExtraction {

    private ScriptedExtraction() {
    }

    static Extraction of(ArticleText text) {
        List<CasualtyFigure> figures = new ArrayList<>();
        List<Statement> statements = new ArrayList<>();
        for (String line : text.body().split("\n")) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "figure" -> figures.add(new CasualtyFigure(Long.parseLong(words[4]), words[1], words[2],
                        words[3].equals("-") ? null : words[3], words.length > 5, false, null, line, "scripted",
                        0, line.length()));
                case "quote" -> {
                    String[] speakerAndWords = line.substring("quote ".length()).split(": ", 2);
                    statements.add(new Statement(speakerAndWords[0], List.of(), speakerAndWords[1], "scripted",
                            0, speakerAndWords[1].length()));
                }
                case "explode" -> throw new IllegalStateException("scripted extractor failure");
                default -> {
                    // text, not a script line
                }
            }
        }
        return new Extraction("en", figures, statements, List.of(), List.of(), List.of());
    }
}
