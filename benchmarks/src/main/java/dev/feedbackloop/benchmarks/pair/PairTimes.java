package dev.feedbackloop.benchmarks.pair;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The times of a benchmark that runs two sides, ours and a baseline, once each per call ({@link Pairs#time}), reported by
 * JMH as secondary results per iteration: the mean per call of each side in microseconds, and the ratios baseline /
 * ours (higher is better). JMH adds these up over the iterations; {@link Pairs#report} reads them per iteration.
 *
 * <p>Comparing within one call is what makes a ratio hold on a shared, noisy machine: both sides see the same load,
 * the same heap and the same JIT state, where two benchmark methods run minutes apart do not. Thread CPU time does not
 * count the time the thread waits for a core, nor work done for a side by other threads (the collector, the JIT) or
 * by another process (a database server): read the wall-clock ratio beside it. Not thread-safe (one per thread, as
 * JMH gives it); run pairs on one thread, since JMH adds up the counters of all threads.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class PairTimes {

    private long pairs;
    private long oursCpu;
    private long baselineCpu;
    private long oursWall;
    private long baselineWall;

    /** Adds one call's times: which side ran first, then the clock readings before, between and after. */
    void add(boolean oursFirst, long cpu0, long cpu1, long cpu2, long wall0, long wall1, long wall2) {
        pairs++;
        oursCpu += oursFirst ? cpu1 - cpu0 : cpu2 - cpu1;
        baselineCpu += oursFirst ? cpu2 - cpu1 : cpu1 - cpu0;
        oursWall += oursFirst ? wall1 - wall0 : wall2 - wall1;
        baselineWall += oursFirst ? wall2 - wall1 : wall1 - wall0;
    }

    /** Starts the iteration's sums at zero. */
    @Setup(Level.Iteration)
    public void reset() {
        pairs = 0;
        oursCpu = 0;
        baselineCpu = 0;
        oursWall = 0;
        baselineWall = 0;
    }

    /**
     * Returns the mean thread CPU time of our side per call.
     *
     * @return microseconds
     */
    public double oursCpuUs() {
        return pairs == 0 ? 0 : oursCpu / 1e3 / pairs;
    }

    /**
     * Returns the mean thread CPU time of the baseline per call.
     *
     * @return microseconds
     */
    public double baselineCpuUs() {
        return pairs == 0 ? 0 : baselineCpu / 1e3 / pairs;
    }

    /**
     * Returns the baseline's CPU time over ours.
     *
     * @return the ratio; higher is better
     */
    public double cpuRatio() {
        return oursCpu == 0 ? 0 : (double) baselineCpu / oursCpu;
    }

    /**
     * Returns the mean wall-clock time of our side per call.
     *
     * @return microseconds
     */
    public double oursWallUs() {
        return pairs == 0 ? 0 : oursWall / 1e3 / pairs;
    }

    /**
     * Returns the mean wall-clock time of the baseline per call.
     *
     * @return microseconds
     */
    public double baselineWallUs() {
        return pairs == 0 ? 0 : baselineWall / 1e3 / pairs;
    }

    /**
     * Returns the baseline's wall-clock time over ours.
     *
     * @return the ratio; higher is better
     */
    public double wallRatio() {
        return oursWall == 0 ? 0 : (double) baselineWall / oursWall;
    }
}
