package io.mojaloop.releasebot.it.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every request the bot sends to a fake GitHub, checked against GitHub's published description
 * ({@link GitHubContract}); what it does not allow is kept until {@link GitHubContractExtension} fails the test that
 * was running. Independent of the fake's technology: a fake calls {@link #request} once per request it receives
 * (the WireMock one through {@link WireMockContractListener}).
 * <p>
 * The violations live in one place for the whole test JVM (tests run one at a time there), so a request that arrives
 * after its test ended is reported by the next check, naming the test that was running when it came.
 */
public final class ContractCheck {

    /** A request GitHub's description does not allow, and the test that was running when it arrived. */
    public record Violation(String test, String message) {
    }

    private static final ConcurrentLinkedQueue<Violation> VIOLATIONS = new ConcurrentLinkedQueue<>();
    private static volatile String currentTest = "(no test)";

    private final GitHubContract contract;

    public ContractCheck(GitHubContract contract) {
        this.contract = contract;
    }

    /** For a fake GitHub: checks GitHub's shared description, loading it now if no test has yet (it takes seconds). */
    public static ContractCheck forGitHub() {
        return new ContractCheck(SpecFile.shared());
    }

    /** One request as the fake received it: method, raw path and query, headers, body (null or empty for none). */
    public void request(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        if (pathAndQuery.startsWith("/__admin")) {
            return; // the fake's own administration, not GitHub's API
        }
        try {
            for (String v : contract.violations(method.toUpperCase(Locale.ROOT), pathAndQuery, body)) {
                VIOLATIONS.add(new Violation(currentTest, v));
            }
        } catch (RuntimeException e) {
            VIOLATIONS.add(new Violation(currentTest, method + " " + pathAndQuery + ": the contract check itself failed: " + e));
        }
    }

    static void testStarted(String name) {
        currentTest = name;
    }

    /** Every violation recorded since the last drain, oldest first; forgets them. */
    public static List<Violation> drain() {
        List<Violation> out = new ArrayList<>();
        for (Violation v; (v = VIOLATIONS.poll()) != null;) {
            out.add(v);
        }
        return out;
    }
}
