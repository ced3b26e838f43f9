package io.mojaloop.releasebot.it.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every request the bot sends to a fake GitHub, checked against GitHub's published description
 * ({@link GitHubContract}); what it does not allow is kept until {@link GitHubContractExtension} fails the test that
 * was running. Independent of the fake's technology: a fake calls {@link #request} once per request it receives
 * (the simulated GitHub through its request listener).
 * <p>
 * The violations live in one place for the whole test JVM (tests run one at a time there), so a request that arrives
 * after its test ended is reported by the next check, naming the test that was running when it came.
 */
public final class ContractCheck {

    /** A request GitHub's description does not allow, and the test that was running when it arrived. */
    public record Violation(String test, String message) {
    }

    private static final ConcurrentLinkedQueue<Violation> VIOLATIONS = new ConcurrentLinkedQueue<>();
    private static final Map<String, LongAdder> CHECKED = new ConcurrentHashMap<>();
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
            GitHubContract.Checked checked = contract.check(method.toUpperCase(Locale.ROOT), pathAndQuery, body);
            CHECKED.computeIfAbsent(checked.operation() == null ? "(no operation)" : checked.operation(), k -> new LongAdder())
                    .increment();
            for (String v : checked.violations()) {
                VIOLATIONS.add(new Violation(currentTest, v));
            }
        } catch (RuntimeException e) {
            VIOLATIONS.add(new Violation(currentTest, method + " " + pathAndQuery + ": the contract check itself failed: " + e));
        }
    }

    static void testStarted(String name) {
        currentTest = name;
    }

    /** How many requests were checked since the last call, by operation; forgets them. */
    static Map<String, Long> checkedSinceLastAsked() {
        Map<String, Long> out = new TreeMap<>();
        for (String operation : List.copyOf(CHECKED.keySet())) {
            LongAdder n = CHECKED.remove(operation);
            if (n != null) {
                out.put(operation, n.sum());
            }
        }
        return out;
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
