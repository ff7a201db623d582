package org.frontline.extract.internal.speakers;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecurringNamesTest {

    @Test
    void worksOutEachNameOnceWhileRemembered() {
        List<String> worked = new ArrayList<>();
        RecurringNames upper = new RecurringNames(name -> {
            worked.add(name);
            return name.toUpperCase();
        }, 2);
        assertThat(upper.get("Peskov")).isEqualTo("PESKOV");
        assertThat(upper.get("Peskov")).isEqualTo("PESKOV");
        assertThat(upper.get("Kirby")).isEqualTo("KIRBY");
        assertThat(worked).containsExactly("Peskov", "Kirby");
        assertThat(upper.get("Putin")).isEqualTo("PUTIN");
        assertThat(upper.get("Peskov")).isEqualTo("PESKOV");
        assertThat(worked).containsExactly("Peskov", "Kirby", "Putin", "Peskov");
    }
}
