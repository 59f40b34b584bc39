package ci.milie.common.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay between the application and the embedded PostgreSQL, which a test can cut (the
 * listening port closed, every open connection reset: the database is unreachable) and restore on
 * the same port. The server itself keeps running, so other tests of the JVM never notice.
 *
 * <p>The profile and the test may run in different class loaders: the switch is reached through a
 * JDK interface ({@code Consumer<Boolean>}) on a named thread.
 */
final class DatabaseLink {

    private static final String SWITCH = "milie.test.database-link";

    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    private DatabaseLink(int targetPort) throws IOException {
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
    }

    /** The JDBC URL to give the application: the embedded database's, through the link. */
    static synchronized String jdbcUrl() {
        String direct = EmbeddedDatabase.startOnce(true).get(EmbeddedDatabaseConfigSourceFactory.URL);
        Matcher matcher = Pattern.compile("//([^:/]+):(\\d+)/").matcher(direct);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected embedded database URL");
        }
        String existing = System.getProperty(SWITCH + ".port");
        int port;
        if (existing == null) {
            try {
                DatabaseLink link = new DatabaseLink(Integer.parseInt(matcher.group(2)));
                link.open();
                new Switch(link).start();
                System.setProperty(SWITCH + ".port", String.valueOf(link.port));
                port = link.port;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            port = Integer.parseInt(existing);
        }
        return matcher.replaceFirst("//127.0.0.1:" + port + "/");
    }

    /** Cuts (false) or restores (true) the link set up by {@link #jdbcUrl()}. */
    @SuppressWarnings("unchecked")
    static void reachable(boolean up) {
        Thread control = Thread.getAllStackTraces().keySet().stream().filter(t -> SWITCH.equals(t.getName()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no database link in this JVM"));
        ((Consumer<Boolean>) control).accept(up);
    }

    /**
     * Found by name from any class loader and called through a JDK interface: an idle thread is
     * the one shared registry that needs neither a system property (strings only) nor reflection.
     */
    private static final class Switch extends Thread implements Consumer<Boolean> {

        private final DatabaseLink link;

        Switch(DatabaseLink link) {
            super(SWITCH);
            this.link = link;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                java.util.concurrent.locks.LockSupport.park(this);
            }
        }

        @Override
        public void accept(Boolean up) {
            if (up) {
                link.open();
            } else {
                link.cut();
            }
        }
    }

    static Map<String, String> configuration() {
        return Map.of("quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    private synchronized void open() {
        if (listening != null) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            listening = server;
            Thread acceptor = new Thread(() -> accept(server), "database-link-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void cut() {
        try {
            if (listening != null) {
                listening.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
        listening = null;
        for (Socket socket : open) {
            close(socket);
        }
        open.clear();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket database = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(database);
                pump(client, database);
                pump(database, client);
            } catch (IOException e) {
                // the link was cut, or one connection failed: go on while listening
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the other side closed, or the link was cut
            } finally {
                close(from);
                close(to);
                open.remove(from);
                open.remove(to);
            }
        }, "database-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // a reset, as when the network fails
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
