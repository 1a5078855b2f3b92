package dev.feedbackloop.scoring;

/** How the confidence interval of an NPS is computed. Immutable. */
public enum NpsInterval {
    /**
     * The Wald interval: {@code score ± z·SE}, clipped to [−100, 100]. The default, as in the command contract.
     */
    WALD,
    /**
     * The adjusted-Wald interval (Rocks 2016): add 0.75 detractors, 1.5 passives and 0.75 promoters (n + 3),
     * then take the Wald interval of the adjusted NPS around the adjusted NPS, clipped to [−100, 100]. Better
     * coverage for small samples. Only the interval changes; the score and standard error stay unadjusted.
     */
    ADJUSTED_WALD
}
