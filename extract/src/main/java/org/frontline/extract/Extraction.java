package org.frontline.extract;

import java.util.List;

/**
 * What the extractor found in one article.
 *
 * @param language      ISO 639-1 code of the detected language, or "und" when it cannot be told
 * @param casualties    casualty figures, each reported once
 * @param statements    direct quotations with their speakers
 * @param people        people named in the article
 * @param organisations organisations named in the article
 * @param places        places named in the article
 */
public record Extraction(String language, List<CasualtyFigure> casualties, List<Statement> statements,
                         List<String> people, List<String> organisations, List<String> places) {
    public Extraction {
        casualties = List.copyOf(casualties);
        statements = List.copyOf(statements);
        people = List.copyOf(people);
        organisations = List.copyOf(organisations);
        places = List.copyOf(places);
    }
}
