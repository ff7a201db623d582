package org.frontline.extract.internal;

import org.frontline.extract.internal.casualties.CasualtyFinder;
import org.frontline.extract.internal.lexicon.Lexicon;
import org.frontline.extract.internal.names.NameFinder;
import org.frontline.extract.internal.numbers.NumberReader;
import org.frontline.extract.internal.speakers.StatementFinder;
import org.frontline.extract.internal.text.Segmenter;

/**
 * Everything the extractor needs for one language, built once from the language's lexicon folder
 * and ICU's rules for its locale.
 */
public record LanguagePack(Segmenter segmenter, CasualtyFinder casualties, StatementFinder statements,
                           NameFinder names) {

    public static LanguagePack load(String language) {
        Segmenter segmenter = new Segmenter(language);
        Lexicon lexicon = new Lexicon(language, segmenter);
        NumberReader numbers = new NumberReader(language, lexicon);
        LanguagePack pack = new LanguagePack(segmenter, new CasualtyFinder(lexicon, numbers),
                new StatementFinder(lexicon), new NameFinder(lexicon));
        segmenter.vocabulary().seal();
        return pack;
    }
}
