package dev.feedbackloop.core.durability;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.Receipt;
import dev.feedbackloop.core.ResponseConflictException;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.IllegalTransitionException;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.invitation.InvitationException;
import dev.feedbackloop.core.invitation.Invitations;
import dev.feedbackloop.core.invitation.SigningKey;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import dev.feedbackloop.survey.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child process of {@link CrossProcessCaptureTest}: a feedback loop on a shared database with the store's invitation
 * ledger, submitting from several threads released together. Prints {@code READY}; each command runs once the line
 * {@code GO} follows it:
 * <ul>
 *   <li>{@code SUBMIT <prefix> <n> <nps>}: every thread submits responses {@code <prefix>-0} to
 *   {@code <prefix>-<n-1>} with that NPS rating (a detractor opens a follow-up), each thread in another order, and
 *   prints {@code SUBMITTED <failed> <id>:<outcome>...}, where the outcome of an id is {@code R} if every thread got a
 *   receipt, {@code C} if every thread got a {@link ResponseConflictException}, {@code M} for a mix;
 *   <li>{@code TOKEN <token> <prefix>}: thread {@code t} submits response {@code <prefix>-t} with the invitation
 *   token, and prints {@code REDEEMED <stored> <already used> <failed>};
 *   <li>{@code BATCH <prefix> <n> forward|backward}: every thread submits responses {@code <prefix>-0} to
 *   {@code <prefix>-<n-1>} of three customers as one batch, every other thread in the opposite order (starting with
 *   the order given), and prints {@code BATCHED <receipts> <failed>};
 *   <li>{@code ERASE <customer ids, comma-separated>}: the threads erase the customers, and it prints
 *   {@code ERASED <erased> <failed>};
 *   <li>{@code CONTACT <follow-up ids, comma-separated>}: the threads read each follow-up and record a contact with a
 *   note {@code NOTE-SECRET-<id>} at the version read, and it prints {@code CONTACTED <contacted> <refused> <failed>},
 *   refused counting {@code VersionConflictException} and {@code IllegalTransitionException}.
 * </ul>
 * {@code EXIT} ends it.
 *
 * <p>Arguments: the JDBC URL, the number of threads.
 */
final class CaptureChild {

    /** The key that signs the test's invitations, in the test and in the children. */
    static final SigningKey KEY = SigningKey.of("k", new byte[32]);

    private CaptureChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int threads = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        JdbcStore store = JdbcStore.of(ChildJvm.pooled(url)).createSchema();
        FeedbackLoop loop = FeedbackLoop.builder()
                .store(store)
                .invitations(Invitations.builder().signWith(KEY).build())
                .invitationLedger(store.invitationLedger())
                .clock(Clock.fixed(Fixtures.T0, ZoneOffset.UTC))
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                .build();
        loop.register(Fixtures.survey());
        out.println("READY");
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("EXIT"); line = in.readLine()) {
            String[] command = line.split(" ");
            String go = in.readLine();
            if (!"GO".equals(go)) {
                throw new IllegalStateException("expected GO after " + line + ", got " + go);
            }
            var failed = new AtomicInteger();
            if (command[0].equals("SUBMIT")) {
                int n = Integer.parseInt(command[2]);
                int nps = Integer.parseInt(command[3]);
                var outcomes = new ConcurrentHashMap<String, String>();
                Race.run(threads, failed, t -> {
                    for (int k = 0; k < n; k++) {
                        // each thread starts elsewhere in the list
                        String id = command[1] + "-" + (k + t * n / threads) % n;
                        Response response = Fixtures.response(id, "c-" + id, nps, null, Fixtures.T0);
                        String outcome;
                        try {
                            Receipt receipt = loop.submit(response);
                            outcome = receipt.responseId().equals(id) ? "R" : "M";
                        } catch (ResponseConflictException e) {
                            outcome = "C";
                        }
                        outcomes.merge(id, outcome, (a, b) -> a.equals(b) ? a : "M");
                    }
                });
                var sorted = new TreeMap<String, String>(outcomes);
                var reply = new StringBuilder("SUBMITTED ").append(failed);
                for (Map.Entry<String, String> entry : sorted.entrySet()) {
                    reply.append(' ').append(entry.getKey()).append(':').append(entry.getValue());
                }
                out.println(reply);
            } else if (command[0].equals("TOKEN")) {
                var stored = new AtomicInteger();
                var used = new AtomicInteger();
                Race.run(threads, failed, t -> {
                    Response response = Fixtures.response(command[2] + "-" + t, null, 2, null, Fixtures.T0);
                    try {
                        loop.submit(response, command[1]);
                        stored.incrementAndGet();
                    } catch (InvitationException e) {
                        if (e.reason() != InvitationException.Reason.ALREADY_USED) {
                            throw e;
                        }
                        used.incrementAndGet();
                    }
                });
                out.println("REDEEMED " + stored + " " + used + " " + failed);
            } else if (command[0].equals("BATCH")) {
                int n = Integer.parseInt(command[2]);
                var responses = new ArrayList<Response>();
                for (int i = 0; i < n; i++) {
                    String id = command[1] + "-" + i;
                    // three customers share the batch's responses: their rows are locked first, by id
                    responses.add(Fixtures.response(id, "c-" + command[1] + "-" + i % 3, i % 2 == 0 ? 2 : 9, null,
                            Fixtures.T0));
                }
                var reversed = new ArrayList<>(responses);
                Collections.reverse(reversed);
                var receipts = new AtomicInteger();
                Race.run(threads, failed, t -> {
                    boolean forward = (t % 2 == 0) == command[3].equals("forward");
                    receipts.addAndGet(loop.submitAll(forward ? responses : reversed).size());
                });
                out.println("BATCHED " + receipts + " " + failed);
            } else if (command[0].equals("ERASE")) {
                List<String> customers = List.of(command[1].split(","));
                var erased = new AtomicInteger();
                Race.run(threads, failed, t -> {
                    for (int i = t; i < customers.size(); i += threads) {
                        loop.eraseCustomer(customers.get(i));
                        erased.incrementAndGet();
                    }
                });
                out.println("ERASED " + erased + " " + failed);
            } else if (command[0].equals("CONTACT")) {
                List<String> followUps = List.of(command[1].split(","));
                var contacted = new AtomicInteger();
                var refused = new AtomicInteger();
                Race.run(threads, failed, t -> {
                    for (int i = t; i < followUps.size(); i += threads) {
                        String id = followUps.get(i);
                        // read, then write with the version read, as an agent's screen does
                        long version = loop.followUps().followUp(id).version();
                        try {
                            loop.followUps().contact(id, version, Contact.of("phone", "agent", Fixtures.T0,
                                    "NOTE-SECRET-" + id));
                            contacted.incrementAndGet();
                        } catch (VersionConflictException | IllegalTransitionException e) {
                            refused.incrementAndGet();
                        }
                    }
                });
                out.println("CONTACTED " + contacted + " " + refused + " " + failed);
            } else {
                throw new IllegalArgumentException("unknown command " + line);
            }
        }
    }
}
