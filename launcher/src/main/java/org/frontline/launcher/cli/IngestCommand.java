package org.frontline.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.frontline.launcher.Frontline;
import org.frontline.producer.ArticlePublisher;
import org.frontline.producer.Ledger;
import org.frontline.producer.source.JsonLines;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Ingestion alone: the live sources publishing to an existing cluster, until stopped. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publish articles from live sources (--watch, --http, --feed) and any PATH given to an "
                + "existing cluster until stopped (Ctrl-C or SIGTERM), then print what each source received, "
                + "published and rejected. Runs no streams application: pair it with `frontline streams`.")
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    InputLimit limit;

    @Mixin
    LiveSources live;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Article files (*.txt) or directories of them to publish first; - reads JSON Lines "
                    + "from standard input.")
    List<Path> paths = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!live.any()) {
            throw new ParameterException(spec.commandLine(), "give at least one of --watch, --http, --feed");
        }
        PrintWriter console = spec.commandLine().getOut();
        Properties props = Commands.requireCluster(kafka.clientProperties(System.getenv()));
        TopicNames names = TopicNames.from(props);
        Commands.preparePublishing(props, names, kafka.partitions());
        Integer port = live.resolvedPort();
        try (ArticlePublisher publisher = new ArticlePublisher(props, FrontlineTopics.named(names), limit.check(),
                Clock.systemUTC())) {
            return Commands.interruptedOnStop(() -> {
                List<Path> files = paths.stream().filter(p -> !p.toString().equals("-")).toList();
                if (!files.isEmpty()) {
                    Commands.printRejections(console, publisher.publishFiles(files).outcomes());
                }
                if (files.size() < paths.size()) {
                    JsonLines.publish(System.in, JsonLines.STDIN, publisher);
                }
                live.follow(publisher, limit.maxBytes, port, config -> { }, List.of(), console);
                publisher.flush();
                Ledger ledger = publisher.ledger();
                ledger.totals().forEach((source, totals) -> console.println("Articles from " + source + ": "
                        + totals));
                return ledger.overall().rejected() == 0 ? 0 : Frontline.EXIT_REJECTED;
            });
        }
    }
}
