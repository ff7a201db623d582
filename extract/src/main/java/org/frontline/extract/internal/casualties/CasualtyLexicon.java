package org.frontline.extract.internal.casualties;

import org.frontline.extract.internal.lexicon.Lexicon;
import org.frontline.extract.internal.lexicon.PhraseMap;

import java.util.List;
import java.util.Set;

/**
 * The word lists and settings the casualty rules read, each read once from the language's {@link Lexicon} (a
 * list read twice would take a second filter bit of the vocabulary) and handed to the parts that need it. The
 * lists are the language's files of the same name; the settings are its {@code casualties.*} entries.
 */
final class CasualtyLexicon {

    final PhraseMap<String> outcomes;
    final PhraseMap<List<Lexicon.Frame<String>>> outcomeFrames;
    final PhraseMap<String> victims;
    final PhraseMap<String> victimGroups;
    final PhraseMap<String> nationalities;
    final PhraseMap<String> places;
    final PhraseMap<String> tolls;
    /** {@code conflicts}: the opponent of each side. */
    final PhraseMap<String> opponents;
    final PhraseMap<Boolean> tollLinks;
    final PhraseMap<Boolean> approximate;
    final PhraseMap<Boolean> singularCopulas;
    final PhraseMap<Boolean> lossVerbs;
    final PhraseMap<RunningTotals.Running> cumulative;
    final PhraseMap<Boolean> superlatives;
    final PhraseMap<Boolean> thresholds;
    final PhraseMap<Boolean> objectGapOpeners;
    final PhraseMap<Boolean> earlierTolls;
    final PhraseMap<Boolean> originLinks;
    final PhraseMap<String> capitals;
    /** True for a range, false for a longer phrase that is none ("rose from 10 to 15"). */
    final PhraseMap<Boolean> ranges;
    final PhraseMap<Boolean> approximateNumbers;
    final PhraseMap<Boolean> multinational;
    final int objectGapLimit;
    final int phraseLimit;
    final int gapLimit;
    final int clauseGapLimit;
    final int modifiersAfter;
    final Set<String> participleEndings;
    final int subsetAsideLimit;
    final int tollWindow;
    final int cueDistance;
    final long runningTotalScale;
    final PhraseMap<Boolean> singlePeriod;
    final PhraseMap<Boolean> singular;
    final PhraseMap<Boolean> ages;
    final PhraseMap<Boolean> yearPeriods;
    final PhraseMap<Boolean> agents;
    final PhraseMap<String> borderLinks;
    final PhraseMap<Boolean> targets;
    final PhraseMap<Boolean> roles;
    final PhraseMap<Boolean> days;
    final PhraseMap<Boolean> months;
    final Set<String> dayRangeJoiners;
    /** Subset cues; false for one that opens the parts of the number before it ("25 including children"). */
    final PhraseMap<Boolean> subsets;
    /** Words that add the people after them to the figure before: "along with", "oltre a". */
    final PhraseMap<Boolean> additiveLinks;
    final PhraseMap<Boolean> groupOpeners;
    final PhraseMap<Boolean> partLinks;
    final PhraseMap<Boolean> oneOutcomes;
    final PhraseMap<String> activeOutcomes;
    final PhraseMap<Boolean> pronouns;
    final PhraseMap<Boolean> speechVerbs;
    final PhraseMap<Boolean> conjunctions;
    final PhraseMap<Boolean> rates;
    final PhraseMap<Boolean> comparisons;
    final PhraseMap<Boolean> determiners;
    final PhraseMap<Boolean> partitives;
    final PhraseMap<Boolean> listJoiners;
    final PhraseMap<Boolean> hypothetical;
    final PhraseMap<Boolean> conditions;
    final PhraseMap<Boolean> connectors;
    final PhraseMap<Boolean> modifiers;
    final PhraseMap<Boolean> auxiliaries;
    final PhraseMap<Boolean> relatives;
    final PhraseMap<Boolean> others;
    final PhraseMap<Boolean> gaps;
    final PhraseMap<Boolean> things;
    /** True for one attack ({@code = one}: "a strike", "a blast"), false for others ("strikes", "the offensive"). */
    final PhraseMap<Boolean> attacks;
    final PhraseMap<Boolean> possessives;
    final PhraseMap<Boolean> clauseOpeners;
    final PhraseMap<Boolean> rejections;
    final PhraseMap<Boolean> claims;
    final PhraseMap<Boolean> nominalOutcomes;
    final PhraseMap<Boolean> predicateLinks;
    final int coordinationLimit;
    final PhraseMap<Boolean> approximateCarriers;

    CasualtyLexicon(Lexicon lexicon) {
        this.outcomes = lexicon.map("outcomes", String::strip);
        // Verbs in the active voice read only before their number, whose subject is who did it: "I raid uccidono 45
        // persone"; after people ("un uomo che uccide") they say what the people did, not what became of them.
        this.activeOutcomes = lexicon.map(String::strip, "outcomes", "active-verbs");
        this.victims = lexicon.map("victims", String::strip);
        this.victimGroups = lexicon.map("victim-groups", String::strip);
        this.nationalities = lexicon.map("nationalities", String::strip);
        this.places = lexicon.map("places", String::strip);
        this.tolls = lexicon.map("tolls", String::strip);
        this.determiners = lexicon.phrases("determiners");
        this.opponents = lexicon.map("conflicts", String::strip);
        this.tollLinks = lexicon.phrases("toll-links");
        this.approximate = lexicon.phrases("approximate");
        this.singularCopulas = lexicon.phrases("singular-copulas");
        this.lossVerbs = lexicon.phrases("loss-verbs");
        // "in tutto il paese = not": a longer phrase that is no cue keeps a cue inside it ("in tutto") from matching.
        this.cumulative = lexicon.map("cumulative", RunningTotals.Running::of);
        this.superlatives = lexicon.phrases("superlatives");
        this.thresholds = lexicon.phrases("thresholds");
        this.objectGapOpeners = lexicon.phrases("object-gap-openers");
        this.earlierTolls = lexicon.phrases("earlier-tolls");
        this.rejections = lexicon.phrases("rejections");
        this.claims = lexicon.phrases("claims");
        this.originLinks = lexicon.phrases("origin-links");
        this.capitals = lexicon.map("capitals", String::strip);
        this.ranges = lexicon.map("ranges", value -> !value.strip().equals("not"));
        this.approximateNumbers = lexicon.phrases("approximate-numbers");
        this.multinational = lexicon.phrases("multinational");
        this.objectGapLimit = lexicon.settings().integer("casualties.object-gap-limit");
        this.phraseLimit = lexicon.settings().integer("casualties.phrase-limit");
        this.gapLimit = lexicon.settings().integer("casualties.gap-limit");
        this.clauseGapLimit = lexicon.settings().integer("casualties.clause-gap-limit");
        this.modifiersAfter = lexicon.settings().integer("casualties.modifiers-after");
        this.participleEndings = lexicon.settings().words("casualties.participle-endings");
        this.subsetAsideLimit = lexicon.settings().integer("casualties.subset-aside-limit");
        this.tollWindow = lexicon.settings().integer("casualties.toll-window");
        this.cueDistance = lexicon.settings().integer("casualties.cue-distance");
        this.runningTotalScale = lexicon.settings().integer("casualties.running-total-scale");
        this.singlePeriod = lexicon.phrases("single-period");
        this.singular = lexicon.phrases("singular");
        this.ages = lexicon.phrases("ages");
        this.yearPeriods = lexicon.phrases("year-periods");
        this.agents = lexicon.phrases("agents");
        this.days = lexicon.phrases("days");
        this.months = lexicon.phrases("months");
        this.dayRangeJoiners = lexicon.settings().words("casualties.day-range-joiners");
        this.subsets = lexicon.map("subsets", value -> !value.strip().equals("opens"));
        this.additiveLinks = lexicon.phrases("additive-links");
        this.groupOpeners = lexicon.phrases("group-openers");
        this.partLinks = lexicon.phrases("part-links");
        this.oneOutcomes = lexicon.phrases("one-outcomes");
        this.pronouns = lexicon.phrases("pronouns");
        this.speechVerbs = lexicon.phrases("speech-verbs");
        this.conjunctions = lexicon.phrases("conjunctions");
        this.rates = lexicon.phrases("rates");
        this.comparisons = lexicon.phrases("comparisons");
        this.partitives = lexicon.phrases("partitives");
        this.listJoiners = lexicon.phrases("list-joiners");
        this.hypothetical = lexicon.phrases("hypothetical");
        this.conditions = lexicon.phrases("conditions");
        this.connectors = lexicon.phrases("connectors");
        this.modifiers = lexicon.phrases("modifiers");
        this.auxiliaries = lexicon.phrases("auxiliaries");
        this.relatives = lexicon.phrases("relatives");
        this.others = lexicon.phrases("others");
        this.gaps = lexicon.phrases("gaps");
        this.things = lexicon.phrases("things");
        this.attacks = lexicon.map("attacks", value -> value.strip().equals("one"));
        this.possessives = lexicon.phrases("possessives");
        this.clauseOpeners = lexicon.map("clause-openers", value -> value.strip().equals("possessive"));
        this.nominalOutcomes = lexicon.phrases("nominal-outcomes");
        this.predicateLinks = lexicon.phrases("predicate-links");
        this.coordinationLimit = lexicon.settings().integer("casualties.coordination-limit");
        this.approximateCarriers = lexicon.phrases("approximate-carriers");
        this.outcomeFrames = lexicon.frames("outcome-frames", String::strip);
        this.borderLinks = lexicon.map("border-links", String::strip);
        this.targets = lexicon.phrases("targets");
        this.roles = lexicon.phrases("roles");
    }
}
