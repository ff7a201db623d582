package org.frontline.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Copies Kafka's log into a file in the broker's data directory while the broker runs.
 *
 * <p>It adds a file appender to the loggers that {@code log4j2.xml} declares for Kafka, at the
 * levels declared there, so the console keeps only what that file lets through. Loggers the
 * configuration does not declare, or a logging backend other than Log4j, are left alone.
 */
final class BrokerLogFile implements AutoCloseable {

    private static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");
    private static final String MAX_FILE_SIZE = "10MB";
    private static final String MAX_FILES = "3";
    private static final String PATTERN = "[%d{ISO8601}] %-5level [%t] %c - %msg%n%throwable";

    private final Path path;
    private final LoggerContext context;
    private final RollingFileAppender appender;
    private final List<LoggerConfig> loggers;

    private BrokerLogFile(Path path, LoggerContext context, RollingFileAppender appender, List<LoggerConfig> loggers) {
        this.path = path;
        this.context = context;
        this.appender = appender;
        this.loggers = loggers;
    }

    static BrokerLogFile attach(Path path) {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return new BrokerLogFile(path, null, null, List.of());
        }
        Configuration config = context.getConfiguration();
        // Each start adds some thousand lines of configuration and start-up detail, so keep a few files only.
        RollingFileAppender appender = RollingFileAppender.newBuilder()
                .setName("kafka-broker-log:" + path)
                .withFileName(path.toString())
                .withFilePattern(path + ".%i")
                .withPolicy(SizeBasedTriggeringPolicy.createPolicy(MAX_FILE_SIZE))
                .withStrategy(DefaultRolloverStrategy.newBuilder().withMax(MAX_FILES).withConfig(config).build())
                .setLayout(PatternLayout.newBuilder().withPattern(PATTERN).withConfiguration(config).build())
                .setConfiguration(config)
                .build();
        appender.start();
        List<LoggerConfig> loggers = new ArrayList<>();
        for (String name : KAFKA_LOGGERS) {
            LoggerConfig logger = config.getLoggerConfig(name);
            if (logger.getName().equals(name)) {
                logger.addAppender(appender, null, null);
                loggers.add(logger);
            }
        }
        context.updateLoggers();
        return new BrokerLogFile(path, context, appender, loggers);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        if (appender == null) {
            return;
        }
        for (LoggerConfig logger : loggers) {
            logger.removeAppender(appender.getName());
        }
        context.updateLoggers();
        appender.stop();
    }
}
