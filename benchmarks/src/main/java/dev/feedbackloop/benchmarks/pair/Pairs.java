package dev.feedbackloop.benchmarks.pair;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.ListStatistics;

/** Times the two sides of a pair into {@link PairTimes}, and runs such benchmarks and prints their ratios with errors. */
public final class Pairs {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Pairs() {
    }

    /**
     * Runs both sides, the first one chosen at random for each call, and adds their thread CPU and wall-clock times
     * to {@code times}.
     *
     * @param times where the times add up
     * @param ours our side
     * @param baseline the baseline
     * @return the sum of both sides' results, for JMH to consume
     * @throws Exception if a side fails
     */
    public static long time(PairTimes times, Side ours, Side baseline) throws Exception {
        // a random order: strict alternation measured identical sides at 0.966 ± 0.014, random at 1.002 ± 0.006
        boolean oursFirst = ThreadLocalRandom.current().nextBoolean();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long first = oursFirst ? ours.run() : baseline.run();
        long cpu1 = THREADS.getCurrentThreadCpuTime();
        long wall1 = System.nanoTime();
        long second = oursFirst ? baseline.run() : ours.run();
        long cpu2 = THREADS.getCurrentThreadCpuTime();
        long wall2 = System.nanoTime();
        times.add(oursFirst, cpu0, cpu1, cpu2, wall0, wall1, wall2);
        return first + second;
    }

    /**
     * Runs benchmarks under JMH and prints, per benchmark and parameters, the mean over all measured iterations (of
     * all forks) of each side's times and of the two ratios, with the half-width of their 99.9% confidence interval
     * (Student's t over the iterations, as JMH's own error column).
     *
     * @param args JMH's command-line options
     * @param defaultInclude the benchmark pattern to run when the arguments name none
     * @throws Exception if JMH or a benchmark fails
     */
    public static void report(String[] args, String defaultInclude) throws Exception {
        var options = new CommandLineOptions(args);
        var builder = new OptionsBuilder().parent(options);
        if (options.getIncludes().isEmpty()) {
            builder.include(defaultInclude);
        }
        for (RunResult run : new Runner(builder.build()).run()) {
            var iterations = new ArrayList<IterationResult>();
            run.getBenchmarkResults().forEach(fork -> iterations.addAll(fork.getIterationResults()));
            String benchmark = run.getParams().getBenchmark();
            if (iterations.isEmpty() || !iterations.get(0).getSecondaryResults().containsKey("cpuRatio")) {
                System.out.printf(Locale.ROOT, "%s times no pair; skipped%n", benchmark);
                continue;
            }
            if (run.getParams().getThreads() != 1) {
                System.out.printf(Locale.ROOT, "%s ran on %d threads, whose pair times JMH adds up; run pairs with"
                        + " -t 1%n", benchmark, run.getParams().getThreads());
                continue;
            }
            var name = new StringBuilder(benchmark.replaceAll(".*\\.", ""));
            for (String key : run.getParams().getParamsKeys()) {
                name.append(' ').append(key).append('=').append(run.getParams().getParam(key));
            }
            System.out.printf(Locale.ROOT, "%s, %d iterations (mean ± 99.9%% CI):%n", name, iterations.size());
            for (String counter : List.of("oursCpuUs", "baselineCpuUs", "cpuRatio", "oursWallUs", "baselineWallUs",
                    "wallRatio")) {
                var statistics = new ListStatistics();
                for (IterationResult iteration : iterations) {
                    statistics.addValue(iteration.getSecondaryResults().get(counter).getScore());
                }
                System.out.printf(Locale.ROOT, "  %-15s %10.3f ± %.3f%n", counter, statistics.getMean(),
                        statistics.getMeanErrorAt(0.999));
            }
        }
    }

    /** One side of a pair: runs once and returns something the JIT cannot discard. */
    @FunctionalInterface
    public interface Side {

        /**
         * Runs the side once.
         *
         * @return something that depends on the work done
         * @throws Exception if the work fails
         */
        long run() throws Exception;
    }
}
