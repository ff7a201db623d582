package org.frontline.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextCheckTest {

    private final TextCheck check = new TextCheck(64);

    @Test
    void acceptsUtf8TextAndDropsAByteOrderMark() {
        TextCheck.Verdict verdict = check.check("\uFEFFTre civili sono stati uccisi".getBytes(StandardCharsets.UTF_8));

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.text()).isEqualTo("Tre civili sono stati uccisi");
    }

    @Test
    void rejectsEmptyAndWhiteSpaceOnlyText() {
        assertThat(check.check(new byte[0]).reason()).isEqualTo("empty");
        assertThat(check.check(" \n\t ".getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo("only white space");
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] latin1 = "Città".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(check.check(latin1).reason()).startsWith("not UTF-8 text");
    }

    @Test
    void rejectsBinaryData() {
        byte[] binary = {'P', 'K', 3, 4, 0, 0, 'x'};

        assertThat(check.check(binary).reason()).startsWith("binary data");
    }

    @Test
    void rejectsTextOverTheLimit() {
        assertThat(check.check(new byte[65]).reason()).isEqualTo("larger than the limit: 65 bytes, limit 64");
    }
}
