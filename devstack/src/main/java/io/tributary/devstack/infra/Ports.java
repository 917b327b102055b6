package io.tributary.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Port choice: tests take a free one; the local stack uses fixed ports and refuses clearly when one is taken. */
public final class Ports {
    /**
     * Free ports come from below the kernel's ephemeral range: a port the kernel hands out (ServerSocket(0)) can be
     * given again as the local port of an outgoing connection before the service that was meant to bind it starts,
     * which happened in CI ("Port 33881 seems to be in use" while a Kafka client was connecting).
     */
    private static final int LOWEST = 10_000;

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {}

    public static int free() {
        int below = ephemeralLow();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The start of the ephemeral range, or the common Linux default where it cannot be read. */
    private static int ephemeralLow() {
        try {
            int low = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
            return low > LOWEST + 1_000 ? low : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with the name of what wanted the port, so a developer knows what to stop or which variable to set. */
    public static int requireFree(int port, String what, String overrideVariable) {
        if (inUse(port)) {
            throw new IllegalStateException("Port " + port + " for " + what + " is already taken on 127.0.0.1. Stop"
                    + " what listens there, or choose another port with " + overrideVariable + "=<port>.");
        }
        return port;
    }
}
