package io.tributary.orchestrator.trigger;

import java.util.regex.Pattern;

/** A trigger pattern where {@code *} matches any run of characters and everything else matches itself. */
public final class Glob {
    private final Pattern pattern;

    private Glob(Pattern pattern) {
        this.pattern = pattern;
    }

    public static Glob of(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return new Glob(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** A null or empty pattern matches anything: the trigger did not constrain that attribute. */
    public static boolean matches(String glob, String text) {
        return glob == null || glob.isEmpty() || of(glob).pattern.matcher(text).matches();
    }
}
