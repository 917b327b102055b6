package io.tributary.http;

/**
 * Text from outside (a path, a header, a device's topic) made safe to put in a log line: control characters,
 * line breaks above all, are escaped, so a request cannot forge log lines (log injection); overly long text is cut.
 */
public final class LogSafe {
    private static final int MAX = 300;

    private LogSafe() {}

    public static String text(String untrusted) {
        if (untrusted == null) {
            return "null";
        }
        StringBuilder safe = new StringBuilder(Math.min(untrusted.length(), MAX) + 8);
        int i = 0;
        for (; i < untrusted.length() && safe.length() < MAX; i++) {
            char c = untrusted.charAt(i);
            if (c == '\n') {
                safe.append("\\n");
            } else if (c == '\r') {
                safe.append("\\r");
            } else if (c == '\t') {
                safe.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        if (i < untrusted.length()) {
            safe.append("…");
        }
        return safe.toString();
    }
}
