package org.frontline.streams.tally;

import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.state.LanguageStats;

/** Articles, statements and casualty figures per language: plain sums, so subtraction is exact. */
public final class LanguageTallies {

    private LanguageTallies() {
    }

    public static LanguageStats empty() {
        return new LanguageStats(0, 0, 0);
    }

    /** What one article counts for. */
    public static LanguageStats of(EnrichedArticle article) {
        return new LanguageStats(1, article.getStatements().size(), article.getCasualties().size());
    }

    public static LanguageStats add(LanguageStats total, LanguageStats article) {
        return new LanguageStats(total.getArticles() + article.getArticles(),
                total.getStatements() + article.getStatements(),
                total.getCasualtyFigures() + article.getCasualtyFigures());
    }

    public static LanguageStats subtract(LanguageStats total, LanguageStats article) {
        return new LanguageStats(total.getArticles() - article.getArticles(),
                total.getStatements() - article.getStatements(),
                total.getCasualtyFigures() - article.getCasualtyFigures());
    }
}
