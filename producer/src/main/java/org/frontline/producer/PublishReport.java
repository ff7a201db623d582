package org.frontline.producer;

import java.util.List;

/**
 * What a batch of inputs came to, one outcome per input in the order offered.
 *
 * @param outcomes published or rejected, per input
 */
public record PublishReport(List<Outcome> outcomes) {

    public PublishReport {
        outcomes = List.copyOf(outcomes);
    }

    public List<Outcome.Published> published() {
        return outcomes.stream().filter(Outcome.Published.class::isInstance).map(Outcome.Published.class::cast)
                .toList();
    }

    public List<Outcome.Rejected> rejections() {
        return outcomes.stream().filter(Outcome.Rejected.class::isInstance).map(Outcome.Rejected.class::cast)
                .toList();
    }

    /** True when every input was published. */
    public boolean allPublished() {
        return rejections().isEmpty();
    }

    /** One line: how many were received, published and rejected. */
    public String summary() {
        return new Ledger.Totals(outcomes.size(), published().size(), rejections().size()).toString();
    }
}
