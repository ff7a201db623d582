package org.frontline.extract;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Statement rules of GUIDELINES.md: quotation marks, attribution, speakers and what is not a statement. */
class StatementRulesTest {

    private static Extractor extractor;

    @BeforeAll
    static void create() {
        extractor = Extractor.create();
    }

    private static List<String> statements(String text) {
        return extractor.extract(new ArticleText(null, text, null)).statements().stream()
                .map(s -> s.speaker() + ": " + s.quote()).toList();
    }

    @Test
    void everyKindOfQuotationMarkAndMixedPairs() {
        assertThat(statements("NATO secretary general Jens Stoltenberg spoke in Brussels on Monday. "
                + "“We will support Kiev to the end,” he said. "
                + "«Russia must understand the cost of this war», he added. "
                + "\"Allies are united behind Ukraine\", he concluded. "
                + "“This war is a threat to all of us», Stoltenberg warned."))
                .containsExactly(
                        "Jens Stoltenberg: We will support Kiev to the end,",
                        "Jens Stoltenberg: Russia must understand the cost of this war",
                        "Jens Stoltenberg: Allies are united behind Ukraine",
                        "Jens Stoltenberg: This war is a threat to all of us");
    }

    /** GUIDELINES.md, Hard cases, "Interviews": each quoted answer is the interviewee's, never the label's. */
    @Test
    void interviewAnswersAreTheInterviewees() {
        assertThat(statements("Interview: a doctor who stayed\n\n"
                + "Amina Hassan, 41, runs the only clinic left in the town. Her colleague Omar Idris left in May.\n\n"
                + "Q: When did the shelling start?\n\n"
                + "A: “It started on Friday morning, near the market.”\n\n"
                + "Q: What do you need most?\n\n"
                + "A: “Medicine, water and fuel for the generator.”"))
                .containsExactly("Amina Hassan: It started on Friday morning, near the market.",
                        "Amina Hassan: Medicine, water and fuel for the generator.");
        assertThat(statements("Kostenko: «Ogni giorno contiamo i feriti»\n\n"
                + "KIEV – Olena Kostenko, 52 anni, dirige l'ospedale della città. L'abbiamo incontrata ieri.\n\n"
                + "Quanti feriti arrivano ogni giorno?\n"
                + "«Decine, a volte più di cento nelle notti peggiori».\n\n"
                + "Che cosa manca?\n"
                + "«Mancano i farmaci e il carburante per i generatori»."))
                .containsExactly("Olena Kostenko: Ogni giorno contiamo i feriti",
                        "Olena Kostenko: Decine, a volte più di cento nelle notti peggiori",
                        "Olena Kostenko: Mancano i farmaci e il carburante per i generatori");
    }

    /** GUIDELINES.md, "Who speaks": an unnamed speaker is the description the article gives. */
    @Test
    void unnamedSpeakerIsTheWholeDescription() {
        assertThat(statements("Rescuers worked through the night in Sagaing. "
                + "“We cannot say yet how many died,” said a resident who took part in the rescue."))
                .containsExactly("a resident who took part in the rescue: We cannot say yet how many died,");
        assertThat(statements("The town's mayor, Ali Musa, visited the hospital. "
                + "A doctor at Shire General Hospital said: “Most of the wounded were women and children.”"))
                .containsExactly("A doctor at Shire General Hospital: Most of the wounded were women and children.");
        assertThat(statements("Il sindaco Marco Bianchi ha visitato il quartiere. "
                + "«Siamo corsi fuori dopo la prima esplosione», ha raccontato una residente del quartiere."))
                .containsExactly("una residente del quartiere: Siamo corsi fuori dopo la prima esplosione");
    }

    /** GUIDELINES.md, "Who speaks": a body named by a lower-case word and the names joined to it. */
    @Test
    void bodyDescribedByALowerCaseWordKeepsItsNames() {
        assertThat(statements("I numeri non sono verificabili. Il ministero della Difesa britannico ha confermato "
                + "su X la soglia: «La Russia ha subito un milione di perdite in combattimento»."))
                .containsExactly("ministero della Difesa britannico: La Russia ha subito un milione di perdite "
                        + "in combattimento");
        assertThat(statements("La missione delle Nazioni Unite in Libia (Unsmil) ha chiesto alle parti di "
                + "preservare «i progressi sulla sicurezza ottenuti negli ultimi anni»."))
                .containsExactly("missione delle Nazioni Unite in Libia: i progressi sulla sicurezza ottenuti "
                        + "negli ultimi anni");
        assertThat(statements("Haiti's government met on Sunday. The office of Prime Minister Alix Didier "
                + "Fils-Aimé said the state would act: “We will pursue these criminals,” it added."))
                .containsExactly("office of Prime Minister Alix Didier Fils-Aimé: We will pursue these criminals,");
    }

    @Test
    void quotationSplitAroundAnAttributionIsTwoStatements() {
        assertThat(statements("Prosecutor General Andriy Kostin visited the site. "
                + "“The regime is pressing on with terror,” "
                + "Kostin said. “We will find everyone who gives criminal orders.”"))
                .containsExactly("Andriy Kostin: The regime is pressing on with terror,",
                        "Andriy Kostin: We will find everyone who gives criminal orders.");
    }

    @Test
    void attributionAfterAQuestionOrExclamationMarkGoesOnInLowerCase() {
        assertThat(statements("Reporter Mark Austin interviewed the general. "
                + "“Why then did you keep shelling the city?” he asked. "
                + "“Because we were ordered to!” the general replied."))
                .containsExactly("Mark Austin: Why then did you keep shelling the city?",
                        "the general: Because we were ordered to!");
        assertThat(statements("Il giornalista Marco Rossi ha incontrato il ministro. "
                + "«Perché avete continuato a bombardare la città?» ha chiesto Rossi."))
                .containsExactly("Marco Rossi: Perché avete continuato a bombardare la città?");
        assertThat(statements("Jens Stoltenberg spoke in Brussels. "
                + "“Will Russia stop the war?” Nobody knows the answer yet, the diplomats said."))
                .isEmpty();
    }

    @Test
    void relativeClauseSpeaksForTheNameBeforeItsComma() {
        assertThat(statements("Il presidente ucraino Volodymyr Zelensky ha incontrato gli alleati. "
                + "Dura la reazione di Zelensky, che su Twitter ha parlato di una scelta "
                + "«senza precedenti e assurda»."))
                .containsExactly("Volodymyr Zelensky: senza precedenti e assurda");
        assertThat(statements("Foreign Minister Dmytro Kuleba, who wrote on Telegram that the decision was "
                + "\"absurd and without precedent\", met the allies."))
                .containsExactly("Dmytro Kuleba: absurd and without precedent");
    }

    @Test
    void nameCueNounMustStandRightBeforeTheMarks() {
        assertThat(statements("Prime Minister Benjamin Netanyahu said the Jenin operation was \"not a one-off\"."))
                .containsExactly("Benjamin Netanyahu: not a one-off");
        assertThat(statements("The army chief Herzi Halevi said the army had launched operation "
                + "\"iron swords in the north\" at dawn.")).isEmpty();
        assertThat(statements("Il ministero della Sanità ha detto che nell'offensiva, battezzata dall'esercito "
                + "“Casa e giardino”, sono morte 12 persone.")).isEmpty();
    }

    @Test
    void quotationAfterAColonTakesTheSentencesSubject() {
        assertThat(statements("Il presidente Volodymyr Zelensky ha parlato ieri. Zelensky ha poi attribuito "
                + "a una fuga di notizie le difficoltà della controffensiva: «I nostri piani erano sul tavolo»."))
                .containsExactly("Volodymyr Zelensky: I nostri piani erano sul tavolo");
        assertThat(statements("President Volodymyr Zelensky spoke on Monday. Zelensky later blamed a leak "
                + "for the slow counteroffensive: \"Our plans were on the Kremlin's table.\""))
                .containsExactly("Volodymyr Zelensky: Our plans were on the Kremlin's table.");
        assertThat(statements("The leaflet ended with a warning: \"We will respond to any attack.\"")).isEmpty();
    }

    @Test
    void roleBeforeALongOrganisationNameRefersToThePersonInApposition() {
        assertThat(statements("Lo ha annunciato il portavoce delle Forze di difesa israeliane, il contrammiraglio "
                + "Daniel Hagari. «Tra gli ostaggi ci sono anche lavoratori stranieri», ha spiegato il portavoce."))
                .containsExactly("Daniel Hagari: Tra gli ostaggi ci sono anche lavoratori stranieri");
    }

    @Test
    void clauseOpenedByWhileHasASpeakerOfItsOwn() {
        assertThat(statements("Da Mosca, il portavoce del Cremlino Dmitry Peskov ha avvertito che l'ingresso di Kiev "
                + "sarebbe \"molto, molto pericoloso per la sicurezza europea\", "
                + "mentre l'ex presidente Dmitry Medvedev ha scritto su Telegram che la decisione "
                + "\"avvicina la terza guerra mondiale\"."))
                .containsExactly("Dmitry Peskov: molto, molto pericoloso per la sicurezza europea",
                        "Dmitry Medvedev: avvicina la terza guerra mondiale");
        assertThat(statements("Kremlin spokesman Dmitry Peskov warned that it would be \"very, very dangerous for "
                + "Europe\", while former president Dmitry Medvedev wrote on Telegram."))
                .containsExactly("Dmitry Peskov: very, very dangerous for Europe");
    }

    @Test
    void elidedLexiconWordsMatchRunningText() {
        // "dell'" in name-words joins "segretario generale dell'Onu" so the role cuts "Onu" off the name.
        assertThat(statements("Il segretario generale dell'Onu Antonio Guterres ha detto che "
                + "«gli attacchi contro i civili sono proibiti»."))
                .containsExactly("Antonio Guterres: gli attacchi contro i civili sono proibiti");
    }

    @Test
    void attributionBetweenDashesLeavesOneStatement() {
        assertThat(statements("Jens Stoltenberg spoke at the summit. "
                + "“There is a co-responsibility on the part of NATO – "
                + "said Stoltenberg – We do this and increase our presence in the east.”"))
                .containsExactly("Jens Stoltenberg: There is a co-responsibility on the part of NATO – "
                        + "said Stoltenberg "
                        + "– We do this and increase our presence in the east.");
    }

    @Test
    void closingMarkWhoseOpeningWasLostClosesAQuotationFromTheParagraphStart() {
        assertThat(statements("Jens Stoltenberg was interviewed on television.\n\n"
                + "What we see around Kiev is not a withdrawal but a repositioning – Stoltenberg explained "
                + "– of forces “."))
                .containsExactly("Jens Stoltenberg: What we see around Kiev is not a withdrawal but a repositioning "
                        + "– Stoltenberg explained – of forces");
    }

    @Test
    void attributedHeadlineAndItalianRolesResolveToTheNamedSpeaker() {
        ArticleText article = new ArticleText("Kirby: «Questi trasferimenti violano le risoluzioni»",
                "Lo ha reso noto il portavoce del Consiglio di sicurezza nazionale americano John Kirby. "
                        + "«L'Occidente è certamente preoccupato per le consegne», ha affermato il portavoce.", null);

        assertThat(extractor.extract(article).statements()).extracting(Statement::speaker)
                .containsExactly("John Kirby", "John Kirby");
    }

    @Test
    void quotationInTheNextSentenceIsAttributedByTheFollowingSentence() {
        assertThat(statements("La Russia firmerà un trattato che prevede \"garanzie reciproche di sicurezza\". "
                + "Lo ha detto il portavoce del Cremlino, Dmitry Peskov, in una conferenza stampa."))
                .containsExactly("Dmitry Peskov: garanzie reciproche di sicurezza");
    }

    @Test
    void organisationsSpeakAndDescriptionsReferToThem() {
        assertThat(statements("The Ukrainian electricity company Dtek announced new outages this morning. "
                + "«Emergency power outages will resume in Kiev today,» added the company."))
                .containsExactly("Dtek: Emergency power outages will resume in Kiev today,");
    }

    @Test
    void scareQuotesOperationNamesAndShortQuotationsAreNotStatements() {
        assertThat(statements("The minister Sergei Shoigu spoke about the \"special military operation\" on Monday. "
                + "The alliance will hold its exercise, dubbed \"Steadfast Noon Two\", next week, Shoigu said. "
                + "Shoigu called the attack 'shameful' and said the so-called \"Membership Action Plan\" was dead. "
                + "Shoigu described the plan as \"a dangerous and reckless provocation\"."))
                .containsExactly("Sergei Shoigu: a dangerous and reckless provocation");
    }

    @Test
    void repeatedQuotationIsOneStatement() {
        assertThat(statements("Regional governor Pavlo Kyrylenko wrote on Telegram. "
                + "“At the moment we count 57 dead,” "
                + "Kyrylenko said. Later he repeated: “At the moment we count 57 dead.”"))
                .hasSize(1);
    }

    @Test
    void paraphraseWithoutQuotationMarksIsNotAStatement() {
        assertThat(statements("Kremlin spokesman Dmitry Peskov said that Russia had suffered significant losses."))
                .isEmpty();
    }
}
