package techmatch.eslocal;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one Elasticsearch node in this JVM and keeps it running until SIGTERM or SIGINT, when a
 * shutdown hook closes it cleanly (flushes shards, releases the data-directory lock).
 *
 * <pre>
 * java -cp 'elasticsearch-local.jar:lib/*' techmatch.eslocal.ElasticsearchLocal
 *     --data DIR [--port N] [--transport-port N] [-E setting=value ...]
 * </pre>
 *
 * Layout under DIR: {@code data/} (path.data), {@code logs/} (path.logs; {@code http.ports} and
 * {@code transport.ports} are written there once the node is bound), {@code tmp/}. Logs go to
 * stdout/stderr; the {@code run} script sends them to {@code DIR/logs/elasticsearch.log}.
 */
public final class ElasticsearchLocal {
    static final String CLUSTER_NAME = "techmatch-local";
    static final String HOST = "127.0.0.1";
    /** Seconds the shutdown hook waits for the node's threads after close(). */
    static final long CLOSE_WAIT_SECONDS = 20;

    private ElasticsearchLocal() {}

    public static void main(String[] args) throws Exception {
        // Elasticsearch's own launcher sets these too (jvm.options): our shutdown hook logs while
        // closing, so log4j must not stop itself first; no JMX for log4j.
        System.setProperty("log4j.shutdownHookEnabled", "false");
        System.setProperty("log4j2.disable.jmx", "true");

        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("elasticsearch-local: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }

        Path home = options.dataDir.toAbsolutePath().normalize();
        Path dataPath = home.resolve("data");
        Path logsPath = home.resolve("logs");
        Files.createDirectories(dataPath);
        Files.createDirectories(logsPath);
        // stale port files from an earlier run would mislead whoever waits for them
        Files.deleteIfExists(logsPath.resolve("http.ports"));
        Files.deleteIfExists(logsPath.resolve("transport.ports"));

        Settings settings = settings(options, home, dataPath, logsPath);

        configureLogging(settings);

        PrintStream out = System.out;
        List<Class<? extends Plugin>> plugins = List.of(
            Netty4Plugin.class,   // the HTTP and transport layers
            RootInfoPlugin.class  // GET / and HEAD / (the distribution's rest-root module)
        );
        Node node;
        try {
            node = new ClasspathNode(settings, plugins);
        } catch (Exception | Error e) { // e.g. an unknown -E setting, a locked data directory
            e.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close(node);
            closed.countDown();
            org.apache.logging.log4j.LogManager.shutdown();
        }, "elasticsearch-local-shutdown"));

        long started = System.nanoTime();
        try {
            node.start();
        } catch (Exception | Error e) {
            e.printStackTrace();
            close(node);
            System.exit(1);
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        out.printf("elasticsearch-local: node started in %d ms, cluster %s, data %s%n", millis, CLUSTER_NAME, home);
        out.flush();

        // Node threads are daemon threads: keep the JVM alive until the shutdown hook has run.
        closed.await();
    }

    /**
     * Console logging from the log4j2.properties in this jar (the official distribution reads
     * config/log4j2.properties and writes JSON files; here the run script keeps the console
     * output). Levels can be changed with -E logger.NAME=LEVEL, or at run time through
     * PUT _cluster/settings as on any node. Lucene's few java.util.logging messages keep going to
     * stderr (the run script gives them a one-line format).
     */
    private static void configureLogging(Settings settings) throws Exception {
        LogConfigurator.setClusterName(CLUSTER_NAME);
        LogConfigurator.setNodeName(settings.get("node.name"));
        LogConfigurator.configureESLogging(); // Elasticsearch's logging facade -> log4j
        URL config = ElasticsearchLocal.class.getResource("/log4j2.properties");
        Configurator.reconfigure(Objects.requireNonNull(config, "log4j2.properties missing from the jar").toURI());
        for (String key : settings.keySet()) {
            if (key.equals("logger.level")) {
                Configurator.setRootLevel(Level.valueOf(settings.get(key)));
            } else if (key.startsWith("logger.")) {
                Configurator.setLevel(key.substring("logger.".length()), Level.valueOf(settings.get(key)));
            }
        }
    }

    static Settings settings(Options options, Path home, Path dataPath, Path logsPath) {
        Settings.Builder builder = Settings.builder()
            .put("cluster.name", CLUSTER_NAME)
            .put("node.name", CLUSTER_NAME + "-node")
            .put("path.home", home.toString())
            .put("path.data", dataPath.toString())
            .put("path.logs", logsPath.toString())
            .put("discovery.type", "single-node")
            // no machine-learning or transform roles: those plugins are not on the classpath anyway
            .putList("node.roles", "master", "data", "ingest")
            // loopback only, so bootstrap checks only warn and nothing is reachable from outside
            .put("network.host", HOST)
            .put("http.port", options.httpPort)
            .put("transport.port", options.transportPort)
            // write logs/http.ports and logs/transport.ports (needed when a port is 0 = ephemeral)
            .put("node.portsfile", true)
            // a CI disk that is nearly full must not turn indices read-only or block allocation
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
        for (String[] kv : options.extraSettings) {
            builder.put(kv[0], kv[1]);
        }
        return builder.build();
    }

    private static void close(Node node) {
        if (node.isClosed()) return;
        try {
            node.prepareForClose();
            node.close();
            if (!node.awaitClose(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("elasticsearch-local: node threads still running after " + CLOSE_WAIT_SECONDS + " s");
            }
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class Options {
        static final String USAGE = """
            usage: elasticsearch-local --data DIR [--port N] [--transport-port N] [-E setting=value ...]
              --data DIR            node home: data/, logs/ (required)
              --port N              HTTP port on 127.0.0.1 (default 9200; 0 = any free port, see logs/http.ports)
              --transport-port N    transport port on 127.0.0.1 (default 0 = any free port)
              -E setting=value      any other node setting, as with the official distribution""";

        Path dataDir;
        String httpPort = "9200";
        String transportPort = "0";
        final List<String[]> extraSettings = new ArrayList<>();
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> o.help = true;
                    case "--data" -> o.dataDir = Path.of(value(args, ++i, arg));
                    case "--port" -> o.httpPort = port(value(args, ++i, arg), arg);
                    case "--transport-port" -> o.transportPort = port(value(args, ++i, arg), arg);
                    case "-E" -> o.extraSettings.add(keyValue(value(args, ++i, arg)));
                    default -> {
                        if (arg.startsWith("-E") && arg.length() > 2) {
                            o.extraSettings.add(keyValue(arg.substring(2)));
                        } else {
                            throw new IllegalArgumentException("unknown argument: " + arg);
                        }
                    }
                }
            }
            if (!o.help && o.dataDir == null) throw new IllegalArgumentException("--data DIR is required");
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
            return args[i];
        }

        private static String port(String value, String option) {
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) throw new NumberFormatException();
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": not a port number: " + value);
            }
        }

        private static String[] keyValue(String setting) {
            int eq = setting.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("-E expects setting=value, got: " + setting);
            return new String[] {setting.substring(0, eq), setting.substring(eq + 1)};
        }
    }
}
