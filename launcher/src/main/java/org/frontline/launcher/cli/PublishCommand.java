package org.frontline.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.frontline.launcher.Frontline;
import org.frontline.producer.ArticlePublisher;
import org.frontline.producer.PublishReport;
import org.frontline.schemas.FrontlineTopics;
import org.frontline.schemas.TopicNames;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Publishes article files to an existing cluster. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish article files to articles.raw on an existing cluster; exits 1 if any was rejected.")
public final class PublishCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    InputLimit limit;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Article files (*.txt) or directories of them.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        Properties props = Commands.requireCluster(kafka.clientProperties(System.getenv()));
        TopicNames names = TopicNames.from(props);
        Commands.preparePublishing(props, names, kafka.partitions());
        try (ArticlePublisher publisher = new ArticlePublisher(props, FrontlineTopics.named(names),
                limit.check(), Clock.systemUTC())) {
            PublishReport report = publisher.publishFiles(paths);
            Commands.printRejections(console, report.rejections());
            console.println("Articles: " + report.summary());
            return report.allPublished() ? 0 : Frontline.EXIT_REJECTED;
        }
    }
}
