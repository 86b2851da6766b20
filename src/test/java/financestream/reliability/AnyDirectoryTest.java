package financestream.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import financestream.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application started from a directory that holds neither routes/ nor application.properties (as
 * {@code java -jar finance-stream.jar} from anywhere): it runs on the copies packaged with its classes (the jar's
 * resources are the same target/classes this test runs from), and a routes/ folder there would win.
 */
class AnyDirectoryTest {

    @TempDir
    Path work;

    @Test
    void runsFromADirectoryWithoutRoutesOrSettings() throws Exception {
        App app = new App(work.resolve("elsewhere")).bare().set("finance.symbols", "NFLX");
        int exit = app.run(Duration.ofMinutes(3));
        String log = app.logText();

        assertThat(exit).as(log).isZero();
        assertThat(Files.exists(app.workDir().resolve("routes"))).isFalse();
        assertThat(log).contains("Job finished: OK", "(7 rows)").doesNotContain("NoSuchFileException", "Using routes/");
    }

    @Test
    void theWorkingDirectorysRoutesAndSettingsWinAndTheLogSaysSoOnce() throws Exception {
        App app = new App(work.resolve("project")).set("finance.symbols", "NFLX");
        int exit = app.run(Duration.ofMinutes(3));
        String log = app.logText();

        assertThat(exit).as(log).isZero();
        assertThat(log.lines().filter(line -> line.contains("Using routes/ and application.properties from "
                + app.workDir() + " instead of the jar's"))).hasSize(1);
    }
}
