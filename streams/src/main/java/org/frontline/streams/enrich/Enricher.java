package org.frontline.streams.enrich;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import org.frontline.avro.Article;
import org.frontline.avro.CasualtyFigure;
import org.frontline.avro.EnrichedArticle;
import org.frontline.avro.Statement;
import org.frontline.extract.ArticleText;
import org.frontline.extract.Extraction;

/** Turns an article into an enriched article with the extractor; plain Java, no Kafka. */
public final class Enricher {

    private final Function<ArticleText, Extraction> extractor;
    private final Clock clock;

    /** @param extractor the extraction to run, normally {@code Extractor::extract} */
    public Enricher(Function<ArticleText, Extraction> extractor, Clock clock) {
        this.extractor = extractor;
        this.clock = clock;
    }

    /** The article with its language, casualty figures, statements and named entities. */
    public EnrichedArticle enrich(Article article) {
        Extraction found = extractor.apply(new ArticleText(article.getTitle(), article.getBody(),
                article.getPublished()));
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setLanguage(found.language())
                .setCasualties(found.casualties().stream().map(Enricher::figure).toList())
                .setStatements(found.statements().stream().map(Enricher::statement).toList())
                .setPeople(List.copyOf(found.people()))
                .setOrganisations(List.copyOf(found.organisations()))
                .setPlaces(List.copyOf(found.places()))
                .setEnrichedAt(clock.instant())
                .build();
    }

    private static CasualtyFigure figure(org.frontline.extract.CasualtyFigure f) {
        return CasualtyFigure.newBuilder()
                .setCount(f.count())
                .setOutcome(f.outcome())
                .setVictims(f.victims())
                .setParty(f.party())
                .setCumulative(f.cumulative())
                .setApproximate(f.approximate())
                .setLocation(f.location())
                .setEvidence(f.evidence())
                .setRule(f.rule())
                .setStart(f.start())
                .setEnd(f.end())
                .build();
    }

    private static Statement statement(org.frontline.extract.Statement s) {
        return Statement.newBuilder()
                .setSpeaker(s.speaker())
                .setAliases(List.copyOf(s.aliases()))
                .setQuote(s.quote())
                .setSieve(s.sieve())
                .setStart(s.start())
                .setEnd(s.end())
                .build();
    }
}
