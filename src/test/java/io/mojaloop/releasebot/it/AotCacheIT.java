package io.mojaloop.releasebot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The package's AOT cache is the one the packaged app uses: {@code -XX:AOTMode=on} makes the JVM refuse to start
 * when it cannot use the cache (missing, from another JVM, or made from other jars), where the image's JVM line
 * ({@code -XX:AOTCache} alone) would start without it, correctly but about a second slower, and nothing would notice.
 * A Java older than {@value PackagedApp#AOT_SINCE} has no cache to check.
 */
class AotCacheIT {

    @Test
    void thePackagedAppStartsWithTheCacheThePackageTrained() throws Exception {
        assumeTrue(Runtime.version().feature() >= PackagedApp.AOT_SINCE, "Java " + Runtime.version() + " has no AOT cache");
        assertThat(PackagedApp.APP_DIR.resolve(PackagedApp.AOT_CACHE)).as("written by the package's training run").isRegularFile();
        List<String> options = new ArrayList<>(PackagedApp.jvmOptions());
        assertThat(options).as("the image's JVM line names the cache").contains("-XX:AOTCache=" + PackagedApp.AOT_CACHE);
        options.add("-XX:AOTMode=on");
        FakeGitHub github = new FakeGitHub();
        Map<String, String> settings = github.start();
        Path log = Path.of("target/aot-cache-it-app.log");
        Files.deleteIfExists(log);
        try (PackagedApp app = PackagedApp.start(settings, 0, log, options)) {
            assertThat(PackagedApp.status(app.base() + "/q/health/ready")).isEqualTo(200);
        } finally {
            github.stop();
        }
        assertThat(Files.readString(log)).doesNotContain("[error][aot]");
    }
}
