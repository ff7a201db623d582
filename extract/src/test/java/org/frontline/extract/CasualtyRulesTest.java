package org.frontline.extract;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Casualty rules of GUIDELINES.md, one family at a time, in English and Italian. */
class CasualtyRulesTest {

    private static final String EN = "The regional governor spoke to reporters on Tuesday. ";
    private static final String IT =
            "Il governatore regionale ha parlato con i giornalisti nella giornata di martedì. ";

    private static Extractor extractor;

    @BeforeAll
    static void create() {
        extractor = Extractor.create();
    }

    private static List<CasualtyFigure> figures(String text) {
        return extractor.extract(new ArticleText(null, text, null)).casualties();
    }

    private static String summary(String text) {
        return figures(text).stream()
                .map(f -> f.count() + " " + f.outcome() + " " + f.victims() + (f.cumulative() ? " cumulative" : "")
                        + (f.approximate() ? " approximate" : ""))
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "A missile killed five people and wounded 22 in the city.|5 killed unspecified; 22 injured unspecified",
        "Six civilians were killed in the attack on the market.|6 killed civilians",
        "The United Nations said 6,655 civilians have died since the start of the invasion."
            + "|6655 killed civilians cumulative",
        "Three soldiers were wounded and twenty-two are missing after the attack on the checkpoint."
            + "|3 injured military; 22 missing military",
        "A woman was killed when a shell hit her house in the village.|1 killed civilians",
        "A police officer and an emergency worker were killed in the strike.|2 killed civilians",
        "At least 12 people have been killed in the shelling of the town.|12 killed unspecified approximate",
        "The death toll has risen to 31 after rescuers searched the rubble.|31 killed unspecified",
        "The army said a dozen fighters were taken prisoner near the river.|12 captured military",
        "The General Staff reported 750 Russian casualties over the past 24 hours.|750 losses military",
        "The number of people killed was 17, officials said on Monday.|17 killed unspecified",
        "The soldiers killed were 89, the ministry said on Sunday.|89 killed military",
        "At least 40 people were killed over a weekend of clashes in the capital."
            + "|40 killed unspecified cumulative approximate",
        "In the exchange, 150 Ukrainian soldiers were freed from Russian captivity.|150 captured military",
    })
    void englishFigures(String sentence, String expected) {
        assertThat(summary(EN + sentence)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Tre civili sono stati uccisi e tre feriti in un attacco di droni nella regione."
            + "|3 killed civilians; 3 injured civilians",
        "Nella città una donna è morta a causa di una granata lanciata contro la sua casa.|1 killed civilians",
        "Secondo lo Stato maggiore le perdite totali dal 24 febbraio ammontano a 120.160 soldati."
            + "|120160 losses military cumulative",
        "Il bilancio è salito a 57 morti e 109 feriti, tutti civili.|57 killed civilians; 109 injured civilians",
        "Nei bombardamenti sono state uccise cinque persone e altre 22 sono rimaste ferite."
            + "|5 killed unspecified; 22 injured unspecified",
        "Le autorità contavano almeno una dozzina di morti nel quartiere colpito.|12 killed unspecified approximate",
        "Secondo il governatore i morti sono saliti a 24, mentre i feriti restano 108."
            + "|24 killed unspecified; 108 injured unspecified",
        "Nella notte 860 nemici sono stati eliminati dalle forze di difesa.|860 losses military",
        "Sono ancora 25 le persone disperse sotto le macerie del palazzo.|25 missing unspecified",
        "L'attacco ha ucciso oltre 1,5 mila persone secondo le autorità locali.|1500 killed unspecified approximate",
        "Il numero dei morti è 17, ha detto il governatore della regione.|17 killed unspecified",
        "Secondo il ministero i militari uccisi sono 89.|89 killed military",
        "È di 30 morti il bilancio degli scontri tra le milizie nella capitale.|30 killed unspecified cumulative",
        "Nello scambio sono stati liberati 150 soldati ucraini.|150 captured military",
    })
    void italianFigures(String sentence, String expected) {
        assertThat(summary(IT + sentence)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The Pentagon pledged 725 million dollars of military aid to the army.",
        "Russia launched 122 missiles and 36 drones at the capital overnight.",
        "The strike destroyed 18 buildings and five schools in the district.",
        "Among the dead were two sisters, both aged 14, the council said.",
        "A 14-year-old boy was among the wounded taken to hospital.",
        "On 24 February 2022 the invasion began with attacks on several cities.",
        "About 86 per cent of the civilian casualties occurred in government territory.",
        "Dozens of people were killed and hundreds were wounded in the attacks.",
        "Russia could have lost more than half a million soldiers by the end of the year.",
        "More than 3,000 residents were evacuated from the town on Monday.",
        "The third child killed was 17, according to prosecutors in the region.",
    })
    void englishNonFigures(String sentence) {
        assertThat(figures(EN + sentence)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Il Pentagono ha impegnato 725 milioni di dollari di aiuti militari a Kiev.",
        "I russi hanno lanciato 23 missili da crociera e due droni sulla città.",
        "Tra le vittime ci sono anche cinque bambini di età diverse.",
        "Ieri a Tel Aviv un palestinese di 23 anni si è lanciato con l'auto contro i passanti.",
        "Gli alleati confermano l'impegno a investire almeno il 2% del Pil nella difesa.",
        "Le forze russe hanno lanciato decine di assalti e ucciso centinaia di persone.",
        "La Russia potrebbe perdere fino a 70mila uomini nei prossimi mesi.",
        "Sul posto 396 membri dell'equipaggio sono stati evacuati sulle navi vicine.",
        "Il terzo bambino ucciso era 17enne secondo la procura, mentre il più giovane ferito era 4.",
    })
    void italianNonFigures(String sentence) {
        assertThat(figures(IT + sentence)).isEmpty();
    }

    @Test
    void subsetAfterIncludingIsNotASecondFigure() {
        assertThat(summary(EN + "The strike killed at least 52 people, including a child, and injured six others."))
                .isEqualTo("52 killed unspecified approximate; 6 injured unspecified");
        assertThat(summary(IT + "Sono stati uccisi 12 palestinesi, tra cui cinque minorenni, nel campo profughi."))
                .isEqualTo("12 killed unspecified");
    }

    @Test
    void figureInTitleAndBodyIsOneFigure() {
        ArticleText article = new ArticleText("Missile strike on restaurant kills at least 10",
                "A Russian missile hit a crowded restaurant in Kramatorsk and killed at least 10 people on Tuesday.",
                null);

        assertThat(extractor.extract(article).casualties()).singleElement()
                .satisfies(figure -> assertThat(figure.count()).isEqualTo(10));
    }

    @Test
    void aPlaceOrCapitalAfterThePeopleNamesTheirSide() {
        assertThat(figures(IT + "Secondo Seul, circa 1.000 soldati di Pyongyang sono stati uccisi o feriti."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("KP"));
        assertThat(figures(EN + "The strike killed 12 residents of Kharkiv, officials said."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("UA"));
    }

    @Test
    void armedGroupsTakeTheirCountryAndMultinationalGroupsNone() {
        assertThat(figures(EN + "Twelve Wagner fighters were killed near Bakhmut."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("RU"));
        assertThat(figures(EN + "Twenty Houthi fighters were killed in the strikes."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("YE"));
        assertThat(figures(EN + "Two peacekeepers were killed in southern Lebanon."))
                .singleElement().satisfies(f -> assertThat(f.party()).isNull());
        assertThat(figures(IT + "Quaranta migranti sono annegati al largo della Libia."))
                .singleElement().satisfies(f -> assertThat(f.party()).isNull());
    }

    @Test
    void aDecimalAfterAPeriodPrepositionIsNeitherAYearNorAnError() {
        assertThat(summary(EN + "In 12.5 per cent of the villages, 40 people were killed."))
                .isEqualTo("40 killed unspecified");
        assertThat(summary(EN + "In 2023, 40 people were killed in the region."))
                .isEqualTo("40 killed unspecified cumulative");
    }

    @Test
    void theAgentOfAPassiveIsNotTheSideOfThePeopleCounted() {
        assertThat(figures(EN + "The crew of 25 was taken hostage by the Houthis."))
                .singleElement().satisfies(f -> assertThat(f.party()).isNull());
        assertThat(figures(IT + "I 25 membri dell'equipaggio sono stati presi in ostaggio dagli Houthi."))
                .singleElement().satisfies(f -> assertThat(f.party()).isNull());
    }

    @Test
    void partyComesFromNationalityOrTheAttackersOpponent() {
        assertThat(figures(EN + "Ukrainian rockets hit a building where 63 Russian servicemen were killed."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("RU"));
        assertThat(figures(EN + "Since the Russian invasion began, 6,655 civilians have died."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("UA"));
    }

    @Test
    void theSideThatKilledIsNotTheSideThatLost() {
        assertThat(figures(EN + "Russian forces killed three civilians in Kherson on Monday."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("UA"));
        assertThat(figures(IT + "Le forze russe hanno ucciso tre civili a Kherson lunedì."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("UA"));
        assertThat(figures(EN + "Ukrainian forces captured 200 Russian soldiers near Bakhmut."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("RU"));
        assertThat(figures(EN + "Russian forces took 300 soldiers prisoner near Bakhmut."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("UA"));
        // A country across a border is not where people were hit.
        assertThat(figures(IT + "Almeno 44 civili sono stati uccisi a Fambita, regione di Tillabéri, in Niger, "
                + "a ridosso del confine con il Mali e il Burkina Faso."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("NE"));
        assertThat(figures(EN + "A fighter jet bombed a village in the Sagaing region near the Indian border, killing "
                + "17 civilians."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("MM"));
        assertThat(figures(IT + "Tre civili sono stati uccisi a Leopoli, vicino al confine polacco."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("UA"));
        // A nationality in another figure's own words is not this figure's side.
        assertThat(figures(IT + "Sono stati liberati 33 ostaggi in cambio di circa 1.900 detenuti palestinesi."))
                .extracting(CasualtyFigure::party).containsExactly(null, "PS");
        // A paragraph's side before its first figure: the sentence before names it.
        assertThat(figures(EN + "A Ukrainian strike hit the centre of Belgorod, a Russian city near the border. The "
                + "governor said 24 people had been killed."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("RU"));
        assertThat(figures(IT + "Un attacco ucraino ha colpito il centro di Belgorod, città russa vicino al confine. "
                + "Secondo il governatore i morti sono saliti a 24."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("RU"));
        // An official's nationality is the side only when the sentence names no country.
        assertThat(figures(EN + "The former Nigerian president estimated that 600,000 people were killed in "
                + "Ethiopia."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("ET"));
        assertThat(figures(IT + "L'ex presidente nigeriano stima che 600.000 persone siano state uccise in Etiopia."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("ET"));
        assertThat(figures(EN + "The Ukrainian president said 31,000 soldiers had been killed."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("UA"));
        // ...and only when its paragraph has given no side before: an observer's count of another side's dead.
        assertThat(figures(IT + "Secondo Kiev 3.000 soldati di Pyongyang sono stati uccisi o feriti nel Kursk. Più "
                + "prudente l'intelligence sudcoreana, che contava almeno 100 morti."))
                .extracting(CasualtyFigure::party).containsExactly("KP", "KP");
        // The side aimed at is hit; the side that launched is the attacker.
        assertThat(figures(EN + "Russia launched 69 missiles at Ukrainian cities, killing at least 12 people."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("UA"));
        assertThat(figures(IT + "La Russia ha lanciato 69 missili sulle città ucraine, uccidendo almeno 12 persone."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("UA"));
        // The subject of a verb of losing lost them.
        assertThat(figures(EN + "It said Ukrainian forces had lost up to 1,915 servicemen over the past day."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("UA"));
        // Where the captured are held is their captor's ground, not their side.
        assertThat(figures(EN + "Of the 251 people taken hostage, 116 are still held in Gaza."))
                .extracting(CasualtyFigure::party).containsExactly(null, null);
        // A merchant ship's crew likewise; navy sailors are their navy's side.
        assertThat(figures(EN + "The Houthis hit a ship off Yemen, killing three crew members."))
                .singleElement().satisfies(f -> assertThat(f.party()).isNull());
        assertThat(figures(IT + "Sei marittimi filippini sono stati rapiti al largo dello Yemen."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("PH"));
        // Aid workers are of several nationalities: only their own words give them a side.
        assertThat(figures(IT + "Sette operatori umanitari sono stati uccisi a Gaza."))
                .singleElement().satisfies(f -> assertThat(f.party()).isNull());
        assertThat(figures(EN + "Seven Palestinian aid workers were killed in Gaza."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("PS"));
        // A pronoun for the side that reports: "Moscow says it has got back".
        assertThat(figures(EN + "Kyiv freed 1,000 Ukrainians. Moscow says it has also got back 1,000 of its "
                + "citizens.")).extracting(CasualtyFigure::party).containsExactly("UA", "RU");
        // A count noun before its verb is no verb: its nationality is the people's.
        assertThat(figures(EN + "Russian losses have passed a million men."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("RU"));
        // The article's side leaves out its attackers, as a figure's own sentence does.
        assertThat(figures(EN + "Russia's invasion has lasted three years. Russia's attacks went on overnight in "
                + "Kharkiv, Ukraine.\n\nThree people were killed."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("UA"));
        // The subject of a verb of getting people back from captivity is their side.
        assertThat(figures(EN + "Ukraine brought 303 soldiers home from Russian captivity, and Russia got back 300 "
                + "servicemen.")).extracting(CasualtyFigure::party).containsExactly("UA", "RU");
        assertThat(figures(IT + "Kiev ha riportato a casa 303 soldati dalla prigionia russa, e Mosca ha riavuto 300 "
                + "militari.")).extracting(CasualtyFigure::party).containsExactly("UA", "RU");
    }

    @Test
    void thousandsAreARunningTotalUnlessOneAttackOrOneDayIsNamed() {
        assertThat(summary(EN + "Officials said 12,000 people have been killed in the war."))
                .isEqualTo("12000 killed unspecified cumulative");
        assertThat(summary(IT + "Secondo le autorità sono morte 12.000 persone nella guerra."))
                .isEqualTo("12000 killed unspecified cumulative");
        assertThat(summary(EN + "The October 7 attack by Hamas killed about 1,200 people in Israel."))
                .isEqualTo("1200 killed unspecified approximate");
        assertThat(summary(IT + "L'attacco del 7 ottobre è costato la vita a circa 1.400 persone."))
                .isEqualTo("1400 killed unspecified approximate");
        assertThat(summary(EN + "Russia lost 1,230 soldiers over the past day, the General Staff said."))
                .isEqualTo("1230 losses military");
        assertThat(summary(IT + "Nelle ultime 24 ore la Russia ha perso 1.230 soldati, secondo lo Stato maggiore."))
                .isEqualTo("1230 losses military");
    }

    @Test
    void theMissingDoNotTakeARunningTotalFromTheSentenceBefore() {
        assertThat(summary(IT + "Dall'inizio della guerra sono stati uccisi 311 soldati. "
                + "Circa 40 persone risultano tuttora disperse."))
                .isEqualTo("311 killed military cumulative; 40 missing unspecified approximate");
        assertThat(summary(EN + "Since the start of the war 311 soldiers have been killed. "
                + "About 40 people are still missing."))
                .isEqualTo("311 killed military cumulative; 40 missing unspecified approximate");
    }

    @Test
    void partyIsTheSubjectOfAVerbOfLosing() {
        assertThat(figures(EN + "According to Kyiv, Russia has lost 5,000 soldiers since February."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("RU"));
        assertThat(figures(IT + "Secondo lo Stato maggiore di Kiev, Mosca ha perso circa 299.080 uomini."))
                .singleElement().satisfies(f -> assertThat(f.party()).isEqualTo("RU"));
    }

    @Test
    void partyComesFromTheArticlesPlacesWhenTheSentenceNamesNone() {
        String en = "Drones hit Kharkiv overnight.\nThe shelling of Kherson went on.\n"
                + "Twelve people were killed and 30 were wounded, the governor said.";
        assertThat(figures(en)).extracting(CasualtyFigure::party).containsExactly("UA", "UA");
        String it = "Droni su Kharkiv nella notte.\nProseguono i bombardamenti su Kherson.\n"
                + "Dodici persone sono state uccise e 30 sono rimaste ferite, ha detto il governatore.";
        assertThat(figures(it)).extracting(CasualtyFigure::party).containsExactly("UA", "UA");
    }

    @Test
    void articleWhosePlacesDisagreeGivesNoParty() {
        String en = "Drones hit Kharkiv and Belgorod overnight.\nThe shelling of Kherson and Kursk went on.\n"
                + "Twelve people were killed, the governor said.";
        assertThat(figures(en)).extracting(CasualtyFigure::party).containsOnlyNulls();
        String oneMention = "Drones hit Kharkiv overnight.\nTwelve people were killed, the governor said.";
        assertThat(figures(oneMention)).extracting(CasualtyFigure::party).containsOnlyNulls();
    }
}
