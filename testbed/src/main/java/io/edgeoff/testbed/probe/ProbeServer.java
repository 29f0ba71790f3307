package io.edgeoff.testbed.probe;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The measurement peer. After connecting, the client sends one operation byte:
 * {@code 'E'} echo every byte back until end of stream; {@code 'U'} followed by a length n
 * (8 bytes, big-endian) and n bytes, answered by one byte once all arrived; {@code 'D'}
 * followed by a length n, answered by n bytes.
 */
public final class ProbeServer implements AutoCloseable {
    static final int ECHO = 'E';
    static final int UPLOAD = 'U';
    static final int DOWNLOAD = 'D';

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "probe-server");
        t.setDaemon(true);
        return t;
    });

    private ProbeServer(ServerSocket server) {
        this.server = server;
    }

    /** Starts a probe server on {@code address:port} (port 0 = any free port). */
    public static ProbeServer start(InetAddress address, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port));
        ProbeServer server = new ProbeServer(socket);
        server.threads.execute(server::acceptLoop);
        return server;
    }

    /** Runs a probe server on 127.0.0.1:{@code args[0]} until killed (a stand-in site service in tests). */
    public static void main(String[] args) throws IOException, InterruptedException {
        start(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            int op = in.read();
            if (op == ECHO) {
                int b;
                while ((b = in.read()) >= 0) {
                    out.write(b);
                    out.flush();
                }
            } else if (op == UPLOAD) {
                long remaining = in.readLong();
                byte[] buffer = new byte[64 * 1024];
                while (remaining > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    if (n < 0) {
                        return;
                    }
                    remaining -= n;
                }
                out.write(1);
                out.flush();
            } else if (op == DOWNLOAD) {
                long remaining = in.readLong();
                byte[] buffer = new byte[64 * 1024];
                while (remaining > 0) {
                    int n = (int) Math.min(buffer.length, remaining);
                    out.write(buffer, 0, n);
                    remaining -= n;
                }
                out.flush();
                socket.shutdownOutput();
                in.read();
            }
        } catch (IOException e) {
            // the client went away; nothing to report
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
