package dev.feedbackloop.core.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feedbackloop.core.followup.FollowUpState;
import dev.feedbackloop.core.store.FeedbackStore;
import dev.feedbackloop.core.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbox delivery with two processes on one database, as two servers run: two JVMs ({@link OutboxChild}), one
 * delivering on the writing thread and one on a listener executor, submit detractors at once, then both contact and
 * resolve every follow-up of both at once, racing for each step. Each process's follow-up steps poll the outbox and
 * so deliver events the other wrote. What the README and the loop's Javadoc promise, and this test holds them to:
 * every event reaches a listener at least once (a process may deliver one that the other delivered and has not
 * acknowledged yet); one loop never delivers an event twice; and each listener hears the events of one response and
 * of one follow-up in order (accepted, then opened; opened, contacted, resolved), also those another process wrote.
 * At the end the outbox is empty. On an H2 file shared in H2's mixed mode ({@code AUTO_SERVER=TRUE}) and on
 * PostgreSQL when {@code FEEDBACKLOOP_TEST_POSTGRES_URL} is set (skipped otherwise, failed when {@code CI=true}).
 */
final class CrossProcessOutboxTest {

    private static final int ROUNDS = 2;
    private static final int RESPONSES = 10;
    private static final List<String> MODES = List.of("inline", "executor");
    /** The order in which one listener must hear the events of a key. */
    private static final List<String> RESPONSE_ORDER = List.of("ResponseAccepted", "FollowUpOpened");
    private static final List<String> FOLLOW_UP_ORDER = List.of("FollowUpOpened", "FollowUpContacted",
            "FollowUpResolved");

    @TempDir
    Path directory;

    @Test
    void twoProcessesOnOneH2File_deliverEveryEventInOrderPerResponseAndFollowUp() throws Exception {
        ChildJvm.onSharedH2File(directory, "outbox", url -> run("H2 file", url, CrashSafetyTest.dataSource(url)));
    }

    @Test
    void twoProcessesOnOnePostgresDatabase_deliverEveryEventInOrderPerResponseAndFollowUp() throws Exception {
        ChildJvm.inPostgresSchema("CrossProcessOutboxTest", "outbox",
                url -> run("PostgreSQL", url, CrashSafetyTest.dataSource(url)));
    }

    private void run(String label, String url, DataSource dataSource) throws Exception {
        FeedbackStore store = JdbcStore.of(dataSource).createSchema();
        var children = new ArrayList<ChildJvm>();
        try {
            for (String mode : MODES) {
                children.add(new ChildJvm(OutboxChild.class, directory.resolve("outbox-" + mode + ".txt"), url,
                        mode));
            }
            var responses = new ArrayList<String>();
            var followUps = new ArrayList<String>();
            int steps = 0;
            int lost = 0;
            for (int round = 0; round < ROUNDS; round++) {
                var commands = new ArrayList<String>();
                for (int p = 0; p < children.size(); p++) {
                    commands.add("SUBMIT r" + round + "p" + p + " " + RESPONSES);
                    for (int i = 0; i < RESPONSES; i++) {
                        responses.add("r" + round + "p" + p + "-" + i);
                    }
                }
                var opened = new ArrayList<String>();
                for (String reply : ChildJvm.together(children, commands, "SUBMITTED")) {
                    opened.addAll(List.of(reply.split(" ")[1].split(",")));
                }
                followUps.addAll(opened);
                // both step every follow-up of the round, in opposite orders, so that they race for each
                String forward = String.join(",", opened);
                var reversed = new ArrayList<>(opened);
                Collections.reverse(reversed);
                String backward = String.join(",", reversed);
                List<String> stepped = ChildJvm.together(children, List.of("STEP " + forward, "STEP " + backward),
                        "STEPPED");
                for (String reply : stepped) {
                    steps += Integer.parseInt(reply.split(" ")[1]);
                    lost += Integer.parseInt(reply.split(" ")[2]);
                }
            }
            assertThat(steps).as("contacts and resolutions made").isEqualTo(2 * followUps.size());

            var heard = new ArrayList<List<String>>();
            for (ChildJvm child : children) {
                child.send("FINISH");
                child.send("GO");
                var events = new ArrayList<String>();
                for (String line = child.expect(""); !line.equals("END"); line = child.expect("")) {
                    if (line.startsWith("EVENT ")) {
                        events.add(line.substring("EVENT ".length()));
                    }
                }
                heard.add(events);
            }

            var everyEvent = new HashSet<String>();
            for (String response : responses) {
                everyEvent.add("ResponseAccepted - " + response);
            }
            var byFollowUp = new LinkedHashMap<String, String>();
            int twice = 0;
            for (int p = 0; p < heard.size(); p++) {
                List<String> events = heard.get(p);
                assertThat(events).as("%s: the events one loop delivered", MODES.get(p)).doesNotHaveDuplicates();
                assertInOrderPerKey(MODES.get(p), events);
                for (String event : events) {
                    String[] words = event.split(" ");
                    if (words[0].equals("FollowUpOpened")) {
                        byFollowUp.put(words[1], words[2]);
                    }
                }
            }
            for (String followUp : followUps) {
                everyEvent.add("FollowUpOpened " + followUp + " " + byFollowUp.get(followUp));
                everyEvent.add("FollowUpContacted " + followUp + " -");
                everyEvent.add("FollowUpResolved " + followUp + " -");
            }
            var union = new HashSet<String>(heard.get(0));
            for (String event : heard.get(1)) {
                if (!union.add(event)) {
                    twice++;
                }
            }
            assertThat(byFollowUp.keySet()).as("follow-ups opened, as heard").containsExactlyInAnyOrderElementsOf(
                    followUps);
            assertThat(union).as("every event reaches a listener").containsExactlyInAnyOrderElementsOf(everyEvent);
            assertThat(store.pollOutbox(10)).as("the outbox after both loops closed").isEmpty();
            for (String followUp : followUps) {
                assertThat(store.findFollowUp(followUp)).hasValueSatisfying(
                        found -> assertThat(found.state()).isEqualTo(FollowUpState.RESOLVED));
            }
            System.out.println("CrossProcessOutboxTest on " + label + ": " + everyEvent.size() + " events, heard "
                    + heard.get(0).size() + " times inline and " + heard.get(1).size() + " times on an executor ("
                    + twice + " by both); " + steps + " steps made, " + lost + " lost to the other process");
        } finally {
            for (ChildJvm child : children) {
                child.close();
            }
        }
    }

    /** Checks that the events of each response and each follow-up came in their order, in one listener's list. */
    private static void assertInOrderPerKey(String mode, List<String> events) {
        Map<String, Integer> last = new LinkedHashMap<>();
        Set<String> keysSeen = new HashSet<>();
        for (String event : events) {
            String[] words = event.split(" ");
            String type = words[0];
            if (!words[1].equals("-")) {
                check(mode, last, "follow-up " + words[1], FOLLOW_UP_ORDER.indexOf(type), event);
                keysSeen.add(words[1]);
            }
            if (!words[2].equals("-")) {
                check(mode, last, "response " + words[2], RESPONSE_ORDER.indexOf(type), event);
            }
        }
        assertThat(keysSeen).as("%s: follow-ups heard of", mode).isNotEmpty();
    }

    private static void check(String mode, Map<String, Integer> last, String key, int position, String event) {
        assertThat(position).as("%s: %s is an event of %s", mode, event, key).isNotNegative();
        Integer before = last.put(key, position);
        if (before != null) {
            assertThat(position).as("%s: %s after the event at position %d of %s", mode, event, before, key)
                    .isGreaterThan(before);
        }
    }
}
