package io.tributary.orchestrator.trigger.event;

import java.util.regex.Pattern;

/**
 * A trigger pattern where {@code *} matches any run of characters and everything else matches itself. A null or
 * empty pattern matches anything: the trigger did not constrain that attribute.
 */
public final class Glob {
    private static final Glob ANY = new Glob(null);
    private final Pattern pattern;

    private Glob(Pattern pattern) {
        this.pattern = pattern;
    }

    public static Glob of(String glob) {
        if (glob == null || glob.isEmpty()) {
            return ANY;
        }
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return new Glob(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    public boolean matches(String text) {
        return pattern == null || pattern.matcher(text).matches();
    }
}
