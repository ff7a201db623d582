package org.frontline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.frontline.broker.testing.CommandRunner;
import org.frontline.broker.testing.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** After a replay, a replay looped three times, and a reset, the tallies equal those of one fresh run. */
class ReplayResetIT {

    private static final String SEEDS = Path.of("..", "seeds").toString();

    @TempDir
    Path work;

    @RegisterExtension
    final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void replaysAndResetLeaveTheTalliesOfASingleFreshRun() throws Exception {
        String bootstrap = kafka.bootstrapServers();
        Path out = work.resolve("out");
        String data = work.resolve("data").toString();

        run("run", "--bootstrap-servers", bootstrap, "--data", data, "--out", out.toString(), SEEDS);
        String casualties = Files.readString(out.resolve("casualties.json"));
        String statements = Files.readString(out.resolve("statements.json"));
        assertThat(casualties).contains("6655");

        String replay = run("replay", "--bootstrap-servers", bootstrap, "--rate", "50", SEEDS);
        assertThat(replay).contains("Replayed 5 articles 1 time(s): received 5, published 5, rejected 0");
        run("run", "--bootstrap-servers", bootstrap, "--data", data, "--out", out.toString(), SEEDS);
        assertThat(Files.readString(out.resolve("casualties.json"))).isEqualTo(casualties);
        assertThat(Files.readString(out.resolve("statements.json"))).isEqualTo(statements);

        String looped = run("replay", "--bootstrap-servers", bootstrap, "--loop", "3", SEEDS);
        assertThat(looped).contains("Replayed 5 articles 3 time(s): received 15, published 15, rejected 0");
        run("run", "--bootstrap-servers", bootstrap, "--data", data, "--out", out.toString(), SEEDS);
        assertThat(Files.readString(out.resolve("casualties.json"))).isEqualTo(casualties);
        assertThat(Files.readString(out.resolve("statements.json"))).isEqualTo(statements);

        String reset = run("reset", "--bootstrap-servers", bootstrap, "--data", data);
        assertThat(reset).contains("it will reprocess articles.raw from the beginning");
        assertThat(work.resolve("data/streams/frontline")).doesNotExist();
        run("run", "--bootstrap-servers", bootstrap, "--data", data, "--out", out.toString(), SEEDS);
        assertThat(Files.readString(out.resolve("casualties.json"))).isEqualTo(casualties);
        assertThat(Files.readString(out.resolve("statements.json"))).isEqualTo(statements);
    }

    private static String run(String... args) {
        CommandRunner.Result result = Cli.run(args);
        assertThat(result.exit()).as("%s: %s", String.join(" ", args), result.output()).isZero();
        return result.output();
    }
}
