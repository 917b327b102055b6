package io.tributary.devstack.infra;

import java.util.Map;

/** Says how a child process ended, from the exit value Java reports (128 + the signal's number for a signal). */
public final class ExitStatus {
    private static final Map<Integer, String> SIGNALS = Map.of(
            1,
            "SIGHUP",
            2,
            "SIGINT",
            3,
            "SIGQUIT",
            4,
            "SIGILL",
            6,
            "SIGABRT (a JVM crash writes hs_err_pid*.log)",
            7,
            "SIGBUS",
            9,
            "SIGKILL (kill -9, or the kernel's out-of-memory killer)",
            11,
            "SIGSEGV",
            15,
            "SIGTERM");

    private ExitStatus() {}

    public static String describe(int exitValue) {
        if (exitValue > 128 && exitValue < 128 + 65) {
            int signal = exitValue - 128;
            return "exit code " + exitValue + " (signal " + signal + ", " + SIGNALS.getOrDefault(signal, "?") + ")";
        }
        return "exit code " + exitValue;
    }
}
