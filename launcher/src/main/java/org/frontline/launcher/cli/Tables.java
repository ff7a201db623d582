package org.frontline.launcher.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.frontline.avro.CasualtyTally;
import org.frontline.avro.SpeakerTally;

/** The two small tables `run` prints: casualty tallies, and speakers by number of statements. */
final class Tables {

    private Tables() {
    }

    static void casualties(PrintWriter out, Collection<CasualtyTally> tallies) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("outcome", "victims", "party", "incident total", "latest cumulative", "as of", "reports",
                "articles"));
        tallies.stream()
                .sorted(Comparator.comparing(CasualtyTally::getOutcome).thenComparing(CasualtyTally::getVictims)
                        .thenComparing(t -> Objects.requireNonNullElse(t.getParty(), "")))
                .forEach(t -> rows.add(List.of(t.getOutcome(), t.getVictims(), orDash(t.getParty()),
                        Long.toString(t.getIncidentTotal()), orDash(t.getLatestCumulative()),
                        orDash(t.getLatestCumulativePublished()),
                        Integer.toString(t.getReports()), Integer.toString(t.getArticles()))));
        print(out, "Casualty tallies", rows, 3);
    }

    static void speakers(PrintWriter out, Collection<SpeakerTally> tallies) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("speaker", "statements", "articles", "first", "last"));
        tallies.stream()
                .sorted(Comparator.comparingInt(SpeakerTally::getStatements).reversed()
                        .thenComparing(SpeakerTally::getSpeaker))
                .forEach(t -> rows.add(List.of(t.getSpeaker(), Integer.toString(t.getStatements()),
                        Integer.toString(t.getArticles()), orDash(t.getFirstPublished()),
                        orDash(t.getLastPublished()))));
        print(out, "Speakers by statements", rows, 1);
    }

    /** Prints rows under a title; columns from {@code firstNumeric} on are right-aligned. */
    private static void print(PrintWriter out, String title, List<List<String>> rows, int firstNumeric) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        rows.forEach(row -> {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        out.println(title);
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                String cell = rows.get(r).get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(i >= firstNumeric ? pad + cell : cell + pad).append(i + 1 < columns ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                out.println("  " + "-".repeat(line.length() - 2));
            }
        }
        if (rows.size() == 1) {
            out.println("  (none)");
        }
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
