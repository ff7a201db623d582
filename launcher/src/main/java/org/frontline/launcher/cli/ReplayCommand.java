package org.frontline.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.frontline.launcher.Frontline;
import org.frontline.producer.ArticlePublisher;
import org.frontline.producer.FileInput;
import org.frontline.producer.Outcome;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Republishes a corpus at a steady rate, as often as asked. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Republish article files to an existing cluster at a steady rate, with a progress bar. "
                + "Each article keeps its id, so replaying leaves the tallies as they were.")
public final class ReplayCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "Articles per second; 0 for as fast as the cluster takes them (default).")
    double rate;

    @Option(names = "--loop", paramLabel = "K", defaultValue = "1", description = "Publish the corpus K times.")
    int loops;

    @Mixin
    InputLimit limit;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Article files (*.txt) or directories of them.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        Properties props = Commands.requireCluster(kafka.clientProperties(System.getenv()));
        TopicNames names = TopicNames.from(props);
        Commands.preparePublishing(props, names, kafka.partitions());
        List<FileInput> inputs = FileInput.expand(paths);
        long total = (long) inputs.size() * loops;
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(props, FrontlineTopics.named(names),
                limit.check(), Clock.systemUTC());
             ProgressBar progress = progressBar(console, total)) {
            long start = System.nanoTime();
            long sent = 0;
            for (int loop = 0; loop < loops; loop++) {
                for (FileInput input : inputs) {
                    pace(start, sent++);
                    outcomes.add(publisher.offerFile("replay", input));
                    progress.step();
                }
            }
            publisher.flush();
            progress.stepTo(total);
            console.println("Replayed " + inputs.size() + " articles " + loops + " time(s): "
                    + publisher.ledger().overall());
            Commands.printRejections(console, outcomes.stream().map(CompletableFuture::join).distinct().toList());
            return publisher.ledger().overall().rejected() == 0 ? 0 : Frontline.EXIT_REJECTED;
        }
    }

    /** Waits until the {@code n}th article is due, at {@code rate} per second from {@code start}. */
    private void pace(long start, long n) throws InterruptedException {
        if (rate <= 0) {
            return;
        }
        long due = start + (long) (n * TimeUnit.SECONDS.toNanos(1) / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** A bar on a terminal; plain lines every two seconds when the output goes to a file or a pipe. */
    private static ProgressBar progressBar(PrintWriter console, long total) {
        ProgressBarBuilder bar = new ProgressBarBuilder().setTaskName("Replay").setInitialMax(total)
                .setUnit(" articles", 1).showSpeed();
        if (System.console() == null) {
            bar.setConsumer(new DelegatingProgressBarConsumer(console::println)).setUpdateIntervalMillis(2000);
        }
        return bar.build();
    }
}
