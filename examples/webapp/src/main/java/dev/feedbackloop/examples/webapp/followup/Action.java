package dev.feedbackloop.examples.webapp.followup;

import java.util.Locale;

/** What an agent does to a follow-up. Immutable. */
public enum Action {
    /** Records the first contact with the customer. */
    CONTACT,
    /** Records how the follow-up was resolved. */
    RESOLVE,
    /** Closes it without a resolution. */
    CLOSE,
    /** Opens a resolved or closed follow-up again. */
    REOPEN;

    /**
     * The action as the page's address names it.
     *
     * @return {@code contact}, {@code resolve}, {@code close} or {@code reopen}
     */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The follow-up's state after the action, in words.
     *
     * @return for example {@code contacted}
     */
    public String pastTense() {
        return switch (this) {
            case CONTACT -> "contacted";
            case RESOLVE -> "resolved";
            case CLOSE -> "closed";
            case REOPEN -> "reopened";
        };
    }
}
