package dev.feedbackloop.examples.webapp.followup;

import dev.feedbackloop.InvalidInputException;
import dev.feedbackloop.NotFoundException;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.care.CareReport;
import dev.feedbackloop.core.care.Customer;
import dev.feedbackloop.core.care.CustomerStatus;
import dev.feedbackloop.core.care.Touch;
import dev.feedbackloop.core.care.TouchKind;
import dev.feedbackloop.core.followup.Closure;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpQuery;
import dev.feedbackloop.core.followup.FollowUpState;
import dev.feedbackloop.core.followup.FollowUpTracker;
import dev.feedbackloop.core.followup.IllegalTransitionException;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.StoredResponse;
import dev.feedbackloop.examples.webapp.programme.FeedbackProgramme;
import dev.feedbackloop.survey.Survey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The agents' side of the loop: the inbox, one follow-up with its customer's history, the actions on it and the
 * care view. All calls into the library for these pages go through here; the library's exceptions become
 * {@link ActionResult}s.
 *
 * <p>Every action names the version the agent saw. When someone else acted first, the library refuses the write
 * (nothing is overwritten) and the result carries the follow-up as it is now. Thread-safe.
 */
@Service
public class FollowUpDesk {

    /** Follow-ups per inbox page. */
    public static final int PAGE_SIZE = 20;
    /** How many follow-ups one inbox query looks at, at most. */
    private static final int QUERY_LIMIT = 10_000;
    private static final List<FollowUpState> OPEN_WORK = List.of(FollowUpState.OPEN, FollowUpState.CONTACTED);

    private final FeedbackLoop loop;
    private final FeedbackStore store;
    private final List<FollowUpPolicy> programme;

    FollowUpDesk(FeedbackLoop loop, FeedbackStore store, List<FollowUpPolicy> programme) {
        this.loop = loop;
        this.store = store;
        this.programme = List.copyOf(programme);
    }

    /**
     * One page of the inbox: overdue follow-ups first, by priority then lateness; then the rest by their next
     * deadline.
     *
     * @param filter what to show
     * @param page the page, from 0
     * @return the page
     */
    public InboxPage inbox(InboxFilter filter, int page) {
        Instant now = loop.now();
        List<FollowUpState> states = filter.state() == null ? OPEN_WORK : List.of(filter.state());
        var matching = new ArrayList<FollowUp>();
        for (FollowUpState state : states) {
            FollowUpQuery query = FollowUpQuery.all().withState(state).withLimit(QUERY_LIMIT);
            if (filter.owner() != null) {
                query = query.withOwner(filter.owner());
            }
            for (FollowUp followUp : loop.followUps().find(query)) {
                if (filter.policy() == null || followUp.policyId().equals(filter.policy())) {
                    matching.add(followUp);
                }
            }
        }
        matching.sort(InboxRow.order(now));
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(0, Math.min(page, pages - 1));
        var rows = new ArrayList<InboxRow>();
        for (FollowUp followUp : matching.subList(Math.min(matching.size(), current * PAGE_SIZE),
                Math.min(matching.size(), (current + 1) * PAGE_SIZE))) {
            rows.add(InboxRow.of(followUp, customerName(followUp.customerId()), verbatim(followUp.responseId()), now));
        }
        long overdue = matching.stream().filter(f -> InboxRow.lateness(f, now) != null).count();
        return new InboxPage(rows, current, pages, matching.size(), overdue);
    }

    /**
     * The owners and policies that follow-ups name, for the inbox's filters.
     *
     * @return owners and policy ids, each sorted
     */
    public Filters filters() {
        var owners = new TreeSet<String>();
        var policies = new TreeSet<String>();
        programme.forEach(policy -> policies.add(policy.id()));
        loop.forEachFollowUp(followUp -> {
            owners.add(followUp.owner());
            policies.add(followUp.policyId());
        });
        return new Filters(List.copyOf(owners), List.copyOf(policies));
    }

    /**
     * A follow-up with what the agent needs to act on it: the response and its survey, the customer, the
     * customer's earlier responses, contacts and other follow-ups.
     *
     * @param followUpId the follow-up
     * @return the details, or empty if there is no such follow-up
     */
    public Optional<Details> details(String followUpId) {
        return loop.followUps().findFollowUp(followUpId).map(this::details);
    }

    private Details details(FollowUp followUp) {
        Optional<StoredResponse> response = loop.findResponse(followUp.responseId());
        Survey survey = response.flatMap(r -> loop.findSurvey(r.response().surveyId(), r.response().surveyVersion()))
                .orElse(null);
        String customerId = followUp.customerId();
        var earlier = new ArrayList<StoredResponse>();
        var contacts = new ArrayList<Touch>();
        var others = new ArrayList<FollowUp>();
        Customer customer = null;
        if (customerId != null) {
            customer = loop.care().findCustomer(customerId).orElse(null);
            for (StoredResponse stored : store.responsesOfCustomer(customerId)) {
                if (!stored.id().equals(followUp.responseId())) {
                    earlier.add(stored);
                }
            }
            earlier.sort(Comparator.comparing(StoredResponse::receivedAt).reversed());
            for (Touch touch : loop.care().touches(customerId)) {
                if (touch.kind().isContact() && touch.kind() != TouchKind.SURVEY_ANSWERED) {
                    contacts.add(touch);
                }
            }
            contacts.sort(Comparator.comparing(Touch::at).reversed());
            for (FollowUp other : loop.followUps().find(FollowUpQuery.all().withCustomer(customerId))) {
                if (!other.id().equals(followUp.id())) {
                    others.add(other);
                }
            }
        }
        var surveys = new LinkedHashMap<String, Survey>();
        for (StoredResponse stored : earlier) {
            loop.findSurvey(stored.response().surveyId(), stored.response().surveyVersion())
                    .ifPresent(s -> surveys.put(s.id() + "@" + s.version(), s));
        }
        Instant now = loop.now();
        return new Details(followUp, response.orElse(null), survey, customer, earlier, surveys, contacts, others,
                loop.didWeRespond(followUp.responseId(), now).verdict().name(), InboxRow.lateness(followUp, now));
    }

    /**
     * Acts on a follow-up as an agent.
     *
     * @param followUpId the follow-up
     * @param seenVersion the version the agent saw
     * @param action what to do
     * @param input the form's fields for the action
     * @param actor the agent
     * @return what happened
     */
    public ActionResult act(String followUpId, long seenVersion, Action action, ActionInput input, String actor) {
        String note = input.note();
        FollowUpTracker tracker = loop.followUps();
        try {
            Instant now = loop.now();
            FollowUp updated = switch (action) {
                case CONTACT -> tracker.contact(followUpId, seenVersion, Contact.of(input.channel(), actor, now, note));
                case RESOLVE -> tracker.resolve(followUpId, seenVersion,
                        Resolution.of(input.code(), input.rootCause(), actor, now, note));
                case CLOSE -> tracker.close(followUpId, seenVersion, Closure.of(input.reason(), actor, now, note));
                case REOPEN -> tracker.reopen(followUpId, seenVersion, actor, note);
            };
            return ActionResult.done(updated);
        } catch (VersionConflictException e) {
            return ActionResult.conflict(tracker.followUp(followUpId), e.expectedVersion(),
                    e.actualVersion());
        } catch (IllegalTransitionException e) {
            return ActionResult.refused(tracker.followUp(followUpId),
                    "A follow-up that is " + e.from().name().toLowerCase(java.util.Locale.ROOT)
                            + " cannot be " + action.pastTense() + ".");
        } catch (NotFoundException e) {
            return ActionResult.missing();
        } catch (InvalidInputException e) {
            // an unknown code or cause, or a note with characters the store refuses: the agent fixes the form
            return ActionResult.refused(tracker.followUp(followUpId),
                    "That was not saved: check the fields and the note (plain text, up to "
                            + FollowUp.MAX_NOTE_LENGTH + " characters).");
        }
    }

    /**
     * The care view: coverage per tier, the customers due for contact by tier, and those never contacted.
     *
     * @return the view
     */
    public CareView care() {
        CareReport report = loop.care().report(loop.now());
        var due = new LinkedHashMap<String, List<CareView.Line>>();
        report.tiers().forEach(tier -> due.put(tier.tier(), new ArrayList<>()));
        var never = new ArrayList<CareView.Line>();
        for (CustomerStatus status : report.overdue()) {
            CareView.Line line = new CareView.Line(status, customerName(status.customerId()),
                    loop.care().findCustomer(status.customerId())
                            .map(c -> c.attribute(FeedbackProgramme.ACCOUNT_OWNER)).orElse(null));
            due.computeIfAbsent(status.tier(), t -> new ArrayList<>()).add(line);
            if (status.lastContact() == null) {
                never.add(line);
            }
        }
        return new CareView(report, due, never);
    }

    /**
     * The company name of a customer, or its id when it has none.
     *
     * @param customerId the customer, or {@code null} for an anonymous respondent
     * @return the name
     */
    public String customerName(@Nullable String customerId) {
        if (customerId == null) {
            return "(anonymous)";
        }
        return loop.care().findCustomer(customerId).map(c -> c.attribute(FeedbackProgramme.NAME))
                .orElse(customerId);
    }

    private String verbatim(String responseId) {
        return loop.findResponse(responseId).map(r -> Verbatims.of(r.response())).orElse("");
    }

    /**
     * The inbox's filter values. Immutable.
     *
     * @param owners the owners
     * @param policies the policy ids
     */
    public record Filters(List<String> owners, List<String> policies) {

        public Filters {
            owners = List.copyOf(owners);
            policies = List.copyOf(policies);
        }
    }

    /**
     * What the follow-up page shows. Immutable.
     *
     * @param followUp the follow-up
     * @param response the response that opened it, or {@code null} once erased
     * @param survey the survey version it answers, or {@code null}
     * @param customer the customer, or {@code null}
     * @param earlier the customer's other responses, newest first
     * @param surveys the surveys of those responses, by {@code id@version}
     * @param contacts the customer's contacts (calls, meetings, messages, follow-up contacts), newest first
     * @param others the customer's other follow-ups
     * @param verdict "did we respond?" for the response
     * @param lateness how late the follow-up is now, or {@code null} when no deadline has passed
     */
    public record Details(FollowUp followUp, @Nullable StoredResponse response, @Nullable Survey survey,
                          @Nullable Customer customer, List<StoredResponse> earlier, Map<String, Survey> surveys,
                          List<Touch> contacts, List<FollowUp> others, String verdict, @Nullable Duration lateness) {

        public Details {
            earlier = List.copyOf(earlier);
            surveys = Map.copyOf(surveys);
            contacts = List.copyOf(contacts);
            others = List.copyOf(others);
        }

        /**
         * Whether a deadline of the follow-up has passed without being met.
         *
         * @return {@code true} if overdue
         */
        public boolean overdue() {
            return lateness != null;
        }
    }
}
