package io.mojaloop.releasebot.core.contents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mojaloop.releasebot.core.config.Contents;
import io.mojaloop.releasebot.core.contents.CompareResult.Commit;

/**
 * The v17.2.0 release read from the real umbrella chart (src/test/resources/contents/umbrella-Chart.yaml) against
 * a made-up previous chart, with compares of every kind: complete, breaking by {@code !} and by footer, a
 * truncated one, an empty one, a 404 and a 422.
 */
public final class ContentsExamples {

    static final Contents SETTINGS = new Contents("helm", "mojaloop/Chart.yaml", Map.of("centralledger", "central-ledger",
            "centralsettlement", "central-settlement", "mojaloop-bulk", "bulk-api-adapter"));
    static final Links LINKS = new Links("https://github.com", "mojaloop");
    static final List<UmbrellaRelease> HELM = List.of(
            new UmbrellaRelease("v17.2.0-rc.1", true, false, Instant.parse("2027-01-03T10:00:00Z")),
            new UmbrellaRelease("v17.1.0", false, false, Instant.parse("2026-11-01T10:00:00Z")),
            new UmbrellaRelease("v17.1.0-rc.2", true, false, Instant.parse("2026-10-20T10:00:00Z")));

    static String read(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/contents/" + name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A commit id that looks like one: the SHA-1 of the number. */
    static String sha(int n) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(String.valueOf(n).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ContentsDiff diff() {
        ReleaseTags.Selection s = ReleaseTags.select("v17.2.0", null, HELM, "main");
        return ContentsDiff.of(SETTINGS, "v17.2.0", s, ChartRead.of(s.current(), read("umbrella-Chart.yaml")),
                ChartRead.of(s.previous(), read("previous-Chart.yaml")));
    }

    static CompareRequest request(ContentsDiff diff, String repository) {
        return diff.compares().stream().filter(c -> c.repository().equals(repository)).findFirst()
                .orElseThrow(() -> new AssertionError("no compare for " + repository));
    }

    public static ReleaseContents contents() {
        ContentsDiff diff = diff();
        List<CompareResult> results = new ArrayList<>();
        results.add(CompareResult.of(request(diff, "ml-api-adapter"), List.of(
                new Commit(sha(1), "fix(mojaloop/#3529): notification handler keeps the callback headers (#512)\n\nCo-authored-by: x"),
                new Commit(sha(2), "chore(deps): bump axios (#515)"),
                new Commit(sha(3), "fix: handle <script>alert(1)</script> @everyone in [link](javascript:alert(1)) (#517)"))));
        results.add(CompareResult.of(request(diff, "central-ledger"), List.of(
                new Commit(sha(10), "feat(mojaloop/#3122): timeout handler distributed lock (#1172)"),
                new Commit(sha(11), "fix(mojaloop/3058): broker reports OK when kafka is disconnected (#1173)"),
                new Commit(sha(12), "feat(mojaloop/#3130)!: settlement models move to the admin API (#1180)"),
                new Commit(sha(13), "chore(release): 19.7.4 [skip ci]"),
                new Commit(sha(14), "fix: misleading log", 1183))));
        List<Commit> als = new ArrayList<>();
        als.add(new Commit(sha(20), "feat(mojaloop/#541): reset party mappings in inter-scheme scenario (#541)"));
        als.add(new Commit(sha(21), "fix(mojaloop/#547): delete participant audit (#547)"));
        results.add(CompareResult.truncated(request(diff, "account-lookup-service"), als, 312));
        results.add(CompareResult.of(request(diff, "quoting-service"), List.of(
                new Commit(sha(30), "feat(mojaloop/#407): improved logging; added BaseQuotesModel (#407)\n\n"
                        + "BREAKING CHANGE: the QUOTES_DB_* variables are renamed"),
                new Commit(sha(31), "feat(mojaloop/#409, mojaloop/#410): use updated AxiosHttpRequester (#409)"))));
        results.add(CompareResult.failed(request(diff, "central-settlement"), CompareResult.Failure.REFUSED,
                "No common ancestor between v17.0.6 and v17.2.0"));
        results.add(CompareResult.of(request(diff, "sdk-scheme-adapter"), List.of()));
        results.add(CompareResult.failed(request(diff, "auth-service"), CompareResult.Failure.NOT_FOUND, null));
        return diff.withCompares(results);
    }

    private ContentsExamples() {
    }
}
