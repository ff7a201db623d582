package org.frontline.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.apache.kafka.tools.StreamsResetter;
import org.frontline.launcher.Cluster;
import org.frontline.schemas.ClientConfig;
import org.frontline.schemas.TopicNames;
import org.frontline.streams.StreamsSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Makes the streams application reprocess everything from the start of {@code articles.raw}: Kafka's
 * own application reset tool (input offsets to the beginning, internal topics deleted), then the
 * application's local state removed.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Reset the streams application so that its next start reprocesses every article from the "
                + "beginning of articles.raw and rebuilds the tallies. Stop the application first. Uses the embedded "
                + "broker in --data when no cluster is given.")
public final class ResetCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        Properties client = kafka.clientProperties(System.getenv());
        try (Cluster cluster = Cluster.connect(client, kafka.dataDir())) {
            Properties props = cluster.clientProperties();
            StreamsSettings settings = StreamsSettings.from(props, kafka.dataDir().resolve("streams"),
                    kafka.partitions());
            TopicNames topics = settings.topics();
            Path config = Files.createTempFile("frontline-reset", ".properties");
            try {
                writeProperties(config, ClientConfig.kafkaOnly(props));
                List<String> args = new ArrayList<>(List.of("--bootstrap-server", cluster.bootstrapServers(),
                        "--application-id", settings.applicationId(),
                        "--input-topics", topics.raw() + "," + topics.enriched(),
                        "--to-earliest", "--config-file", config.toString()));
                int exit = new StreamsResetter().execute(args.toArray(String[]::new));
                if (exit != 0) {
                    throw new IllegalStateException("Kafka's streams reset tool failed (exit " + exit
                            + "); is the application still running? Stop it and try again");
                }
            } finally {
                Files.deleteIfExists(config);
            }
            Path state = Path.of(settings.streams().getProperty("state.dir")).resolve(settings.applicationId());
            deleteTree(state);
            console.println("Reset " + settings.applicationId() + ": it will reprocess " + topics.raw()
                    + " from the beginning; local state " + state + " removed.");
            return 0;
        }
    }

    private static void writeProperties(Path file, Map<String, Object> props) throws IOException {
        Properties out = new Properties();
        props.forEach((k, v) -> out.setProperty(k, String.valueOf(v)));
        try (Writer writer = Files.newBufferedWriter(file)) {
            out.store(writer, "client settings for the reset tool");
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the local state " + dir + ": " + e.getMessage(), e);
        }
    }
}
