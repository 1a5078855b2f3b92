package dev.feedbackloop.examples.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates {@code examples/cli/samples/helpdesk.csv}, the sample export that the README's command-line examples
 * read: 600 made-up help-desk tickets from the first half of 2024 with the customer's plan and region, an NPS answer
 * (blank when not answered), a CSAT answer on 1-5, when the ticket was created and when support first replied (blank
 * when it has not). No person or company appears in it; every value comes from a seeded random generator, so the
 * file is the same on every machine. {@code HelpdeskSampleTest} checks that the committed file is exactly this
 * output, and rewrites it when run with {@code -Dfeedbackloop.writeSamples=true}.
 */
final class HelpdeskSample {

    static final long SEED = 20240701L;
    static final int TICKETS = 600;
    static final String HEADER = "ticket,plan,region,nps,csat,created_at,first_reply_at";

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 2);
    private static final int DAYS = 179;
    private static final String[] REGIONS = {"EU", "NA", "APAC"};

    private HelpdeskSample() {
    }

    /** The CSV text of the sample, {@code \n} line ends. */
    static String csv() {
        Random random = new Random(SEED);
        List<Instant> created = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
            int minute = 8 * 60 + random.nextInt(10 * 60);
            created.add(day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(minute)));
        }
        created.sort(null);
        Instant last = created.get(created.size() - 1);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < TICKETS; i++) {
            double p = random.nextDouble();
            String plan = p < 0.5 ? "starter" : p < 0.85 ? "pro" : "enterprise";
            String region = REGIONS[random.nextInt(REGIONS.length)];
            int csat = csat(random, plan);
            String nps = random.nextInt(100) < 85 ? Integer.toString(nps(random, csat)) : "";
            Instant at = created.get(i);
            boolean unhappy = csat <= 2;
            boolean replied = random.nextDouble() < (unhappy ? 0.93 : 0.6);
            String reply = "";
            if (replied) {
                long minutes = Math.round(60 * Math.exp(2.2 + random.nextGaussian()));
                Instant repliedAt = at.plus(Duration.ofMinutes(Math.max(5, minutes)));
                if (!repliedAt.isAfter(last)) {
                    reply = repliedAt.toString();
                }
            }
            sb.append("T-").append(1001 + i).append(',').append(plan).append(',').append(region).append(',')
                    .append(nps).append(',').append(csat).append(',').append(at).append(',').append(reply)
                    .append('\n');
        }
        return sb.toString();
    }

    /** A CSAT answer; enterprise customers are a little happier. */
    private static int csat(Random random, String plan) {
        double shift = "enterprise".equals(plan) ? 0.3 : "pro".equals(plan) ? 0.1 : 0;
        double u = random.nextDouble() + shift * random.nextDouble();
        if (u < 0.10) {
            return 1;
        }
        if (u < 0.20) {
            return 2;
        }
        if (u < 0.32) {
            return 3;
        }
        return u < 0.62 ? 4 : 5;
    }

    /** An NPS answer that goes with the CSAT answer, give or take. */
    private static int nps(Random random, int csat) {
        long value = Math.round(csat * 2 - 0.5 + random.nextGaussian() * 1.5);
        return (int) Math.max(0, Math.min(10, value));
    }
}
