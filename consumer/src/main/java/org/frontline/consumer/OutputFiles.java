package org.frontline.consumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.IndexedRecord;
import org.frontline.avro.CasualtyTally;
import org.frontline.avro.SpeakerTally;
import org.frontline.schemas.AvroJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The tally files a consumer keeps in its output directory. Each is written whole to a temporary
 * file in the same directory and renamed over the old one, so a reader sees the old file or the new
 * one, never half of one; every file and directory it creates is readable by other users.
 *
 * <ul>
 *   <li>{@code casualties.json}, {@code casualties.csv}: the current casualty tallies;</li>
 *   <li>{@code statements.json}, {@code statements.csv}: the current statement tallies per speaker.</li>
 * </ul>
 *
 * <p>The enriched articles are not here: they are appended to an {@link EnrichedLog}.
 */
public final class OutputFiles {

    static final List<String> CASUALTY_COLUMNS = List.of("outcome", "victims", "party", "incident_total",
            "latest_cumulative", "latest_cumulative_article", "latest_cumulative_published", "reports", "articles",
            // Added after the first release: last, so readers that take columns by position still work.
            "latest_cumulative_title");
    static final List<String> SPEAKER_COLUMNS = List.of("speaker", "statements", "articles",
            "first_published", "last_published", "latest_quote");

    private static final List<String> FILES = List.of("casualties.json", "casualties.csv", "statements.json",
            "statements.csv");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    // Strict checking quotes a field only when it needs it, whatever its length.
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private final Path dir;

    public OutputFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** True when the casualty and statement files are all there, from this run or an earlier one. */
    public boolean talliesExist() {
        return FILES.stream().allMatch(name -> Files.exists(dir.resolve(name)));
    }

    /** Removes the temporary files a writer killed half-way left behind. */
    public void removeTemporaryFiles() {
        try {
            for (String name : FILES) {
                ReadableFiles.removeTemporaryFiles(dir, name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes the casualty tallies as JSON and CSV. */
    public void writeCasualties(Collection<CasualtyTally> tallies) {
        writeTallies("casualties", tallies, CASUALTY_COLUMNS);
    }

    /** Writes the statement tallies as JSON and CSV. */
    public void writeSpeakers(Collection<SpeakerTally> tallies) {
        writeTallies("statements", tallies, SPEAKER_COLUMNS);
    }

    private void writeTallies(String name, Collection<? extends IndexedRecord> tallies, List<String> columns) {
        List<Map<String, Object>> rows = tallies.stream().map(AvroJson::toMap).toList();
        try {
            replace(name + ".json", JSON.writeValueAsString(rows) + "\n");
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            columns.forEach(schema::addColumn);
            replace(name + ".csv", CSV.writer(schema.build()).writeValueAsString(rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    private void replace(String name, String content) {
        ReadableFiles.replace(dir.resolve(name), content, false);
    }
}
