package dev.feedbackloop.core.durability;

import dev.feedbackloop.core.FeedbackListener;
import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.Fixtures;
import dev.feedbackloop.core.event.FeedbackEvent;
import dev.feedbackloop.core.followup.Contact;
import dev.feedbackloop.core.followup.FollowUp;
import dev.feedbackloop.core.followup.FollowUpPolicy;
import dev.feedbackloop.core.followup.FollowUpState;
import dev.feedbackloop.core.followup.IllegalTransitionException;
import dev.feedbackloop.core.followup.Resolution;
import dev.feedbackloop.core.followup.VersionConflictException;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A child process of {@link CrossProcessOutboxTest}: a feedback loop on a shared database, through a pool of
 * connections, whose listener records every event it hears, on the writing thread or, with {@code executor}, on a
 * pool of four threads. Prints
 * {@code READY}; then answers each command, which it runs only once the line {@code GO} follows it:
 * <ul>
 *   <li>{@code SUBMIT <prefix> <n>}: submits detractors {@code <prefix>-0} to {@code <prefix>-<n-1>}, each opening
 *   a follow-up, and prints {@code SUBMITTED <follow-up ids, comma-separated>};
 *   <li>{@code STEP <follow-up ids, comma-separated>}: contacts, then resolves, each follow-up that is still open,
 *   then contacted, with the version it reads, as an agent would, and prints {@code STEPPED <steps> <lost>}: the steps
 *   it made and those another process made first ({@code VersionConflictException} or
 *   {@code IllegalTransitionException});
 *   <li>{@code FINISH}: delivers pending events, closes the loop, waits for the listener's threads and prints
 *   {@code EVENT <type> <follow-up id or -> <response id or ->} for every event the listener heard, in order, then
 *   {@code END}.
 * </ul>
 *
 * <p>Arguments: the JDBC URL, {@code inline} or {@code executor}.
 */
final class OutboxChild {

    private OutboxChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        ExecutorService executor = args[1].equals("executor") ? Executors.newFixedThreadPool(4) : null;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        FeedbackListener listener = new FeedbackListener() {
            @Override
            public void onEvent(FeedbackEvent event) {
                heard.add(describe(event));
            }
        };
        FeedbackLoop.Builder builder = FeedbackLoop.builder()
                .store(JdbcStore.of(ChildJvm.pooled(url)).createSchema())
                .clock(Clock.fixed(Fixtures.T0, ZoneOffset.UTC))
                .followUpPolicy(FollowUpPolicy.npsDetractors("nps", Duration.ofHours(48)))
                .listener(listener);
        if (executor != null) {
            builder.listenerExecutor(executor);
        }
        FeedbackLoop loop = builder.build();
        loop.register(Fixtures.survey());
        out.println("READY");
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("EXIT"); line = in.readLine()) {
            String[] command = line.split(" ");
            String go = in.readLine();
            if (!"GO".equals(go)) {
                throw new IllegalStateException("expected GO after " + line + ", got " + go);
            }
            switch (command[0]) {
                case "SUBMIT" -> {
                    var followUps = new ArrayList<String>();
                    for (int i = 0; i < Integer.parseInt(command[2]); i++) {
                        String id = command[1] + "-" + i;
                        followUps.addAll(loop.submit(Fixtures.response(id, "c-" + id, 2, null, Fixtures.T0))
                                .followUpIds());
                    }
                    out.println("SUBMITTED " + String.join(",", followUps));
                }
                case "STEP" -> {
                    int steps = 0;
                    int lost = 0;
                    for (String id : command[1].split(",")) {
                        for (FollowUpState from : List.of(FollowUpState.OPEN, FollowUpState.CONTACTED)) {
                            FollowUp followUp = loop.followUps().followUp(id);
                            if (followUp.state() != from) {
                                continue;
                            }
                            try {
                                if (from == FollowUpState.OPEN) {
                                    loop.followUps().contact(id, followUp.version(),
                                            Contact.of("phone", "agent", Fixtures.T0, null));
                                } else {
                                    loop.followUps().resolve(id, followUp.version(),
                                            Resolution.of("fixed", "process", "agent", Fixtures.T0, null));
                                }
                                steps++;
                            } catch (VersionConflictException | IllegalTransitionException e) {
                                lost++;
                            }
                        }
                    }
                    out.println("STEPPED " + steps + " " + lost);
                }
                case "FINISH" -> {
                    loop.deliverPendingEvents();
                    loop.close();
                    if (executor != null) {
                        executor.shutdown();
                        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the listener's threads did not end");
                        }
                    }
                    synchronized (heard) {
                        heard.forEach(event -> out.println("EVENT " + event));
                    }
                    out.println("END");
                }
                default -> throw new IllegalArgumentException("unknown command " + line);
            }
        }
    }

    /** The event's type and the follow-up and response it is about ({@code -} for none). */
    private static String describe(FeedbackEvent event) {
        String type = event.getClass().getSimpleName();
        if (event instanceof FeedbackEvent.ResponseAccepted e) {
            return type + " - " + e.responseId();
        } else if (event instanceof FeedbackEvent.FollowUpOpened e) {
            return type + " " + e.followUpId() + " " + e.responseId();
        } else if (event instanceof FeedbackEvent.FollowUpContacted e) {
            return type + " " + e.followUpId() + " -";
        } else if (event instanceof FeedbackEvent.FollowUpResolved e) {
            return type + " " + e.followUpId() + " -";
        }
        return type + " - -";
    }
}
