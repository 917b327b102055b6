package io.tributary.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port choice: tests take a free one; the local stack uses fixed ports and refuses clearly when one is taken. */
public final class Ports {
    private Ports() {}

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
