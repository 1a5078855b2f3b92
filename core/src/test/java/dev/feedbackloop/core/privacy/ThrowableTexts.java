package dev.feedbackloop.core.privacy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Every text a caller can reach from a throwable, for tests that look for personal data in failures. */
public final class ThrowableTexts {

    private ThrowableTexts() {
    }

    /**
     * Returns the printed stack trace and the string form of the throwable, of every cause, suppressed exception and
     * {@linkplain SQLException#getNextException() next exception}, transitively.
     *
     * @param root the throwable
     * @return the texts
     */
    public static List<String> of(Throwable root) {
        var texts = new ArrayList<String>();
        var out = new StringWriter();
        root.printStackTrace(new PrintWriter(out));
        texts.add(out.toString());
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        var pending = new ArrayList<Throwable>(List.of(root));
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(pending.size() - 1);
            if (t == null || !seen.add(t)) {
                continue;
            }
            texts.add(String.valueOf(t));
            texts.add(String.valueOf(t.getLocalizedMessage()));
            pending.add(t.getCause());
            pending.addAll(List.of(t.getSuppressed()));
            if (t instanceof SQLException sql) {
                pending.add(sql.getNextException());
            }
        }
        return texts;
    }
}
