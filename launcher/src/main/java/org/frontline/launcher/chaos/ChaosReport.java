package org.frontline.launcher.chaos;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a {@link ChaosRun}: the faults injected and how the final state compares with the oracle.
 *
 * @param seed             the seed that replays the run
 * @param articles         articles in the corpus
 * @param faults           the faults injected, in order
 * @param publishRuns      publish runs started, the killed ones included
 * @param casualtyTallies  casualty tallies the oracle expects
 * @param speakerTallies   statement tallies the oracle expects
 * @param onTopics         the tally topics (read_committed) against the oracle
 * @param enrichedProblems what is wrong with {@code articles.enriched}: missing, extra or stale articles
 * @param inFiles          the consumer's tally files against the oracle
 * @param fileProblems     what is wrong with the consumer's enriched log
 * @param incidents        what went wrong besides the faults: a process that exited by itself, a failed publish
 * @param took             how long the run took
 */
public record ChaosReport(long seed, int articles, List<ChaosRun.Fault> faults, int publishRuns,
                          int casualtyTallies, int speakerTallies, Tallies.Comparison onTopics,
                          List<String> enrichedProblems, Tallies.Comparison inFiles, List<String> fileProblems,
                          List<String> incidents, Duration took) {

    private static final int SHOWN = 20;

    /** True when the topics and the consumer's files hold exactly what the oracle computed. */
    public boolean passed() {
        return onTopics.equal() && enrichedProblems.isEmpty() && inFiles.equal() && fileProblems.isEmpty();
    }

    /** Prints the faults and the comparison. */
    public void print(PrintWriter out) {
        out.println();
        out.println("Faults injected (" + faults.size() + ", seed " + seed + "):");
        faults.forEach(f -> out.println("  " + f));
        out.println("Publish runs: " + publishRuns);
        incidents.forEach(i -> out.println("Incident: " + i));
        out.println("Oracle: " + articles + " articles, " + casualtyTallies + " casualty tallies, " + speakerTallies
                + " statement tallies");
        line(out, "tallies.casualties + tallies.statements (read_committed)", onTopics);
        out.println(String.format("  %-58s %s", "articles.enriched (every id once, latest version)",
                enrichedProblems.isEmpty() ? "equal" : enrichedProblems.size() + " problems"));
        enrichedProblems.stream().limit(SHOWN).forEach(p -> out.println("    " + p));
        line(out, "consumer's casualties.json + statements.json", inFiles);
        out.println(String.format("  %-58s %s", "consumer's enriched log (each record once)",
                fileProblems.isEmpty() ? "equal" : String.join("; ", fileProblems)));
        out.println((passed() ? "PASSED" : "FAILED") + " in " + took.toSeconds() + " s: " + onTopics.lost()
                + " lost, " + onTopics.doubleCounted() + " double-counted, " + incidents.size() + " incidents"
                + " (replay with --seed " + seed + ")");
        out.flush();
    }

    private static void line(PrintWriter out, String what, Tallies.Comparison comparison) {
        out.println(String.format("  %-58s %s", what, comparison.equal() ? "equal"
                : comparison.differences().size() + " tallies differ, " + comparison.lost() + " lost, "
                        + comparison.doubleCounted() + " double-counted"));
        comparison.differences().stream().limit(SHOWN).forEach(d -> out.println("    " + d));
    }
}
