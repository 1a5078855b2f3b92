package dev.feedbackloop.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.feedbackloop.scoring.NpsTally;
import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.survey.Answer;
import dev.feedbackloop.survey.Respondent;
import dev.feedbackloop.survey.Response;
import dev.feedbackloop.testing.Seeds;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Checks the hot paths' promise: counting into existing groups allocates nothing, whatever the JIT does. */
@ExtendWith(Seeds.class)
final class AllocationTest {

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static boolean measurable() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled();
    }

    @Test
    void scorecardAdd_toExistingGroups_allocatesNothingPerResponse(Random random) {
        assumeTrue(measurable(), "thread allocation counters unavailable");
        ScorecardSpec spec = ScorecardSpec.builder(ScorecardTest.survey(1)).groupBy("plan", "region")
                .period(Period.MONTH, ZoneId.of("Europe/Paris")).build();
        List<Response> responses = new ArrayList<>();
        String[] plans = {"free", "pro"};
        String[] regions = {"EU", "US", "APAC"};
        for (int i = 0; i < 20_000; i++) {
            responses.add(new Response("r" + i, "relationship", 1,
                    Respondent.of("c" + i,
                            Map.of("plan", plans[random.nextInt(2)], "region", regions[random.nextInt(3)])),
                    Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 86_400)), "email",
                    Map.of("nps", Answer.rating(random.nextInt(11)), "csat", Answer.rating(1 + random.nextInt(5))),
                    List.of()));
        }
        ScorecardTally tally = spec.newTally();
        responses.forEach(tally::add); // creates every group and fills the offset cache

        long before = allocatedBytes();
        for (Response response : responses) {
            tally.add(response);
        }
        long allocated = allocatedBytes() - before;

        assertThat(tally.responses()).isEqualTo(40_000);
        assertThat(allocated).as("bytes allocated for 20,000 responses").isLessThan(4_096);
    }

    @Test
    void npsTallyAdd_allocatesNothing() {
        assumeTrue(measurable(), "thread allocation counters unavailable");
        NpsTally tally = new NpsTally();
        long before = allocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            tally.add(i % 11);
        }
        long allocated = allocatedBytes() - before;
        assertThat(tally.n()).isEqualTo(100_000);
        assertThat(allocated).isLessThan(1_024);
    }
}
