package io.tributary.devstack.testing;

/** Closing what a test class started. */
public final class Resources {
    private Resources() {}

    /** Closes each resource in the order given (null ones skipped); one that fails does not keep the rest open. */
    public static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                // Keep stopping the rest: the test class is done.
            }
        }
    }
}
