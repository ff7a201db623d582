package org.frontline.extract.internal;

import org.frontline.extract.internal.casualties.CasualtyFinder;
import org.frontline.extract.internal.lexicon.LanguageSettings;
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
                           NameFinder names, Lexicon lexicon) {

    public static LanguagePack load(String language) {
        LanguageSettings settings = LanguageSettings.load(language);
        Segmenter segmenter = new Segmenter(language, settings.words("segmenter.clitics"));
        Lexicon lexicon = new Lexicon(language, segmenter, settings);
        NumberReader numbers = new NumberReader(language, lexicon);
        LanguagePack pack = new LanguagePack(segmenter, new CasualtyFinder(lexicon, numbers),
                new StatementFinder(lexicon), new NameFinder(lexicon), lexicon);
        segmenter.vocabulary().seal();
        return pack;
    }
}
