package dev.feedbackloop.examples.webapp.followup;

import dev.feedbackloop.core.care.CareReport;
import dev.feedbackloop.core.care.CustomerStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The care view: coverage per tier, the customers due for contact by tier (most overdue first) and those never
 * contacted. Immutable.
 *
 * @param report the library's care report
 * @param dueByTier the customers due for contact, by tier in plan order; copied
 * @param neverContacted the customers never contacted at all
 */
public record CareView(CareReport report, Map<String, List<Line>> dueByTier, List<Line> neverContacted) {

    public CareView {
        var copy = new LinkedHashMap<String, List<Line>>();
        dueByTier.forEach((tier, lines) -> copy.put(tier, List.copyOf(lines)));
        dueByTier = java.util.Collections.unmodifiableMap(copy);
        neverContacted = List.copyOf(neverContacted);
    }

    /**
     * One customer due for contact.
     *
     * @param status the customer's standing
     * @param name the company name
     * @param accountOwner the account manager, or {@code null}
     */
    public record Line(CustomerStatus status, String name, @Nullable String accountOwner) {
    }
}
