package io.mojaloop.releasebot.it.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test during which the bot sent GitHub a request its published description does not allow
 * ({@link ContractCheck}). Registered for every test class by JUnit's extension auto-detection
 * ({@code META-INF/services/org.junit.jupiter.api.extension.Extension}; Quarkus' {@code junit-platform.properties}
 * turns auto-detection on, and GitHubContractTest fails if it is off), so no test can forget it; for a test that started no fake GitHub it finds nothing and does nothing. Requests that
 * arrive after a class's last test are reported by its after-all check, so they fail the class.
 */
public final class GitHubContractExtension implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    /** Set while the extension runs; a test checks that auto-detection is really on. */
    static volatile boolean active;

    @Override
    public void beforeEach(ExtensionContext context) {
        active = true;
        ContractCheck.testStarted(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        fail(ContractCheck.drain());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName();
        ContractCheck.testStarted(name + " (after its tests)");
        Map<String, Long> checked = ContractCheck.checkedSinceLastAsked();
        if (!checked.isEmpty()) {
            // in the build log, so a check that saw nothing would show
            System.out.printf("GitHub contract: %d requests to %d operations checked during %s: %s%n",
                    checked.values().stream().mapToLong(Long::longValue).sum(), checked.size(), name,
                    checked.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", ")));
        }
        fail(ContractCheck.drain());
    }

    static void fail(List<ContractCheck.Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        Map<String, Long> counted = violations.stream().collect(Collectors.groupingBy(
                v -> v.message() + "   [during " + v.test() + "]", LinkedHashMap::new, Collectors.counting()));
        List<String> lines = new ArrayList<>();
        counted.forEach((line, n) -> lines.add("  - " + line + (n > 1 ? " (" + n + " times)" : "")));
        int shown = Math.min(lines.size(), 40);
        throw new AssertionError(violations.size() + " request(s) to GitHub that GitHub's published REST API description"
                + " (@octokit/openapi, api.github.com) does not allow:\n" + String.join("\n", lines.subList(0, shown))
                + (shown < lines.size() ? "\n  … and " + (lines.size() - shown) + " more" : ""));
    }
}
