package io.edgeoff.testbed.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;

/**
 * A TCP relay that emulates a link's one-way latency: every chunk read from one side is written to
 * the other side {@code delay} later, in order. With the relay in the site's namespace in front of
 * the site's port, a request reaches the site one one-way latency after it crossed the (shaped)
 * link, and the response leaves one one-way latency later, so an HTTP exchange costs one round
 * trip plus the transfer times, as in the seed's cost model. The TCP handshake itself is not
 * delayed (netem would add one round trip to every new connection).
 *
 * <p>Per-peer delay (a fleet's devices, each with its own link to the site): a connection from a peer address given
 * {@link #setPeerDelayMillis} has that peer's one-way delay instead of the relay's; a change applies to the chunks
 * read from then on, also in connections already open (a device that changes cell changes its link at once).
 *
 * <p>Degradation at run time: an extra delay added to both directions, and a probability with
 * which a new connection is reset at once (loss emulated per connection; there is no packet loss
 * without netem). When the real service does not accept, the client's connection is reset, which
 * the device sees as a failed attempt, like a refused connection.
 */
public final class DelayRelay implements AutoCloseable {
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private final InetAddress listenAddress;
    private final InetAddress targetAddress;
    private final List<Forward> forwards;
    private final RandomGenerator random;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "relay");
        t.setDaemon(true);
        return t;
    });
    private final List<ServerSocket> servers = new ArrayList<>();
    private final AtomicLong delayNanos = new AtomicLong();
    private final AtomicLong extraDelayNanos = new AtomicLong();
    /** One-way delay by peer address (text form, e.g. {@code 10.213.7.1}). */
    private final java.util.concurrent.ConcurrentMap<String, AtomicLong> peerDelayNanos =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile double dropProbability;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param listenAddress     address to listen on
     * @param forwards          relayed ports
     * @param targetAddress     address of the real service
     * @param oneWayDelayMillis delay of each direction, ms, &gt;= 0
     * @param random            source of the connection-drop decisions
     */
    public DelayRelay(InetAddress listenAddress, List<Forward> forwards, InetAddress targetAddress,
                      double oneWayDelayMillis, RandomGenerator random) {
        this.listenAddress = listenAddress;
        this.targetAddress = targetAddress;
        this.forwards = List.copyOf(forwards);
        this.random = random;
        setDelayMillis(oneWayDelayMillis);
    }

    /** Binds every port and starts accepting. */
    public DelayRelay start() throws IOException {
        for (Forward forward : forwards) {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(listenAddress, forward.listenPort()), 128);
            servers.add(server);
            threads.execute(() -> acceptLoop(server, forward.targetPort()));
        }
        return this;
    }

    /** @return the bound listening ports, in the order of the forwards */
    public List<Integer> listenPorts() {
        return servers.stream().map(ServerSocket::getLocalPort).toList();
    }

    /** Sets the one-way delay of each direction, ms. */
    public void setDelayMillis(double millis) {
        delayNanos.set(toNanos(millis, "delay"));
    }

    /** Sets the one-way delay of each direction of the connections from {@code peerAddress}, ms. */
    public void setPeerDelayMillis(String peerAddress, double millis) {
        peerDelayNanos.computeIfAbsent(peerAddress, a -> new AtomicLong()).set(toNanos(millis, "delay of " + peerAddress));
    }

    /** Sets an extra one-way delay on top of the link's, ms (degradation; 0 to restore). */
    public void setExtraDelayMillis(double millis) {
        extraDelayNanos.set(toNanos(millis, "extra delay"));
    }

    /** Sets the probability that a new connection is reset at once (degradation; 0 to restore). */
    public void setDropProbability(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("drop probability must be in [0,1], but was " + probability);
        }
        dropProbability = probability;
    }

    /** @return connections accepted so far */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** @return connections reset by the drop probability so far */
    public int droppedConnections() {
        return dropped.get();
    }

    private static long toNanos(double millis, String what) {
        if (!(millis >= 0) || !Double.isFinite(millis)) {
            throw new IllegalArgumentException(what + " must be >= 0 ms, but was " + millis);
        }
        return Math.round(millis * 1_000_000.0);
    }

    private void acceptLoop(ServerSocket server, int targetPort) {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            threads.execute(() -> connect(client, targetPort));
        }
    }

    private void connect(Socket client, int targetPort) {
        boolean drop;
        synchronized (random) {
            drop = dropProbability > 0 && random.nextDouble() < dropProbability;
        }
        if (drop) {
            dropped.incrementAndGet();
            reset(client);
            return;
        }
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(targetAddress, targetPort), CONNECT_TIMEOUT_MILLIS);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(upstream);
            reset(client);
            return;
        }
        AtomicLong delay = peerDelayNanos.getOrDefault(client.getInetAddress().getHostAddress(), delayNanos);
        Connection connection = new Connection(client, upstream, delay);
        connection.start();
    }

    /** One relayed connection: two directions, each a reader, a delay queue and a writer. */
    private final class Connection {
        private final Socket client;
        private final Socket upstream;
        private final AtomicInteger openDirections = new AtomicInteger(2);
        private final AtomicLong delay;

        Connection(Socket client, Socket upstream, AtomicLong delay) {
            this.client = client;
            this.upstream = upstream;
            this.delay = delay;
        }

        void start() {
            direction(client, upstream);
            direction(upstream, client);
        }

        private void direction(Socket from, Socket to) {
            BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
            threads.execute(() -> read(from, queue));
            threads.execute(() -> write(queue, to));
        }

        private void read(Socket from, BlockingQueue<Chunk> queue) {
            byte[] buffer = new byte[CHUNK_BYTES];
            try {
                InputStream in = from.getInputStream();
                while (true) {
                    int n = in.read(buffer);
                    long due = System.nanoTime() + delay.get() + extraDelayNanos.get();
                    if (n < 0) {
                        queue.add(new Chunk(due, null, false));
                        return;
                    }
                    queue.add(new Chunk(due, java.util.Arrays.copyOf(buffer, n), false));
                }
            } catch (IOException e) {
                queue.add(new Chunk(System.nanoTime(), null, true));
            }
        }

        private void write(BlockingQueue<Chunk> queue, Socket to) {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = queue.take();
                    waitUntil(chunk.dueNanos());
                    if (chunk.abort()) {
                        abort();
                        return;
                    }
                    if (chunk.data() == null) {
                        to.shutdownOutput();
                        finishDirection();
                        return;
                    }
                    out.write(chunk.data());
                    out.flush();
                }
            } catch (IOException e) {
                abort();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abort();
            }
        }

        private void finishDirection() {
            if (openDirections.decrementAndGet() == 0) {
                closeQuietly(client);
                closeQuietly(upstream);
            }
        }

        private void abort() {
            reset(client);
            reset(upstream);
        }
    }

    private record Chunk(long dueNanos, byte[] data, boolean abort) {
    }

    private static void waitUntil(long dueNanos) {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    @Override
    public void close() {
        closed = true;
        servers.forEach(DelayRelay::closeQuietly);
        threads.shutdownNow();
    }
}
