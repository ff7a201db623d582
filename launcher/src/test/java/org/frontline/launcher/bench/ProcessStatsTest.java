package org.frontline.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessStatsTest {

    @TempDir
    Path dir;

    @Test
    void closingWritesTheStateAndHeapFiguresWithinTheLimit() {
        Path file = dir.resolve("stats.properties");
        ProcessStats stats = ProcessStats.start(file, () -> "RUNNING");
        List<byte[]> garbage = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            garbage.add(new byte[1 << 20]);
        }
        garbage.clear();
        System.gc();
        stats.close();

        Properties written = ProcessStats.read(file);
        long max = Long.parseLong(written.getProperty("heap_max_bytes"));
        long peak = Long.parseLong(written.getProperty("peak_heap_bytes"));
        assertThat(written.getProperty("state")).isEqualTo("RUNNING");
        assertThat(peak).isPositive().isLessThanOrEqualTo(max);
        assertThat(Long.parseLong(written.getProperty("peak_heap_after_gc_bytes"))).isPositive()
                .isLessThanOrEqualTo(peak);
    }

    @Test
    void aMissingFileReadsAsEmpty() {
        assertThat(ProcessStats.read(dir.resolve("none"))).isEmpty();
    }
}
