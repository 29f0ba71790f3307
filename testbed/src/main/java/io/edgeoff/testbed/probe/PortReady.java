package io.edgeoff.testbed.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Waits, from inside a namespace, until something accepts TCP connections at each {@code host:port} (an external
 * policy started beside the device: any server, whatever it answers). Arguments: {@code timeoutSeconds host:port...}.
 * Prints {@code READY host:port} or {@code TIMEOUT host:port} per address.
 */
public final class PortReady {
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    private static final long RETRY_MILLIS = 100;

    private PortReady() {
    }

    public static void main(String[] args) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (Double.parseDouble(args[0]) * 1e9);
        for (int i = 1; i < args.length; i++) {
            String address = args[i];
            int colon = address.lastIndexOf(':');
            InetSocketAddress target = new InetSocketAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1)));
            boolean ready = false;
            while (!ready && System.nanoTime() < deadline) {
                try (Socket socket = new Socket()) {
                    socket.connect(target, CONNECT_TIMEOUT_MILLIS);
                    ready = true;
                } catch (IOException e) {
                    Thread.sleep(RETRY_MILLIS); // not listening yet
                }
            }
            System.out.println((ready ? "READY " : "TIMEOUT ") + address);
            System.out.flush();
        }
    }
}
