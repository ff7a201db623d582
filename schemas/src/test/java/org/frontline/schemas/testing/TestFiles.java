package org.frontline.schemas.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Article files, good and bad, for the tests of publishing them (the producer's and the publish command's). */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * Writes seven files under {@code dir}: two good ones ({@code good.txt}, Italian, with a date prefix;
     * {@code en/also-good.txt}, with a headline) and five bad ones named after what is wrong with them:
     * {@code empty.txt}, {@code blank.txt} (white space only), {@code latin1.txt} (not UTF-8),
     * {@code binary.txt} (a zip header) and {@code huge.txt} (2,048 bytes, over a 1,024-byte limit).
     */
    public static void writeGoodAndBad(Path dir) throws IOException {
        Files.writeString(dir.resolve("good.txt"), " date 2024-12 Tre civili sono stati uccisi ad Alyoshki.");
        Files.createDirectories(dir.resolve("en"));
        Files.writeString(dir.resolve("en/also-good.txt"), "Headline\n\nFour soldiers were killed.");
        Files.writeString(dir.resolve("empty.txt"), "");
        Files.writeString(dir.resolve("blank.txt"), "  \n\n ");
        Files.write(dir.resolve("latin1.txt"), "Città distrutta".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("binary.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        Files.writeString(dir.resolve("huge.txt"), "x".repeat(2048));
    }
}
