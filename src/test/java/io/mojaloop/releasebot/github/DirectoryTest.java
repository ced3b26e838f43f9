package io.mojaloop.releasebot.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The people cache: read once per TTL and per key however many ask at once, bounded by entries (the least valuable
 * evicted one at a time), failures not kept, hits and misses counted.
 */
class DirectoryTest {

    InMemoryGitHub github = new InMemoryGitHub();
    AtomicLong nanos = new AtomicLong(1_000_000_000L);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Directory directory = Directory.of(Duration.ofMinutes(10), 3);

    @BeforeEach
    void start() {
        for (String login : new String[] { "alice", "a", "b", "c", "d", "e", "f", "g", "h" }) {
            github.companies.put(login, "@ModusBox");
        }
        directory.ticker = nanos::get;
        directory.upkeep = Runnable::run;
        directory.registry = registry;
    }

    @Test
    void aCompanyIsReadOncePerTtl() throws Exception {
        assertThat(directory.company(github, "Alice")).contains("@ModusBox");
        assertThat(directory.company(github, "alice")).contains("@ModusBox");
        assertThat(github.count("profileCompany", "Alice")).isEqualTo(1);
        assertThat(github.count("profileCompany", "alice")).isEqualTo(0);
        // ten minutes later it is read again
        nanos.addAndGet(Duration.ofMinutes(10).plusSeconds(1).toNanos());
        directory.company(github, "alice");
        assertThat(github.count("profileCompany", "alice")).isEqualTo(1);
    }

    /**
     * Past its bound the cache evicts the least valuable entries one at a time: a person asked for often stays
     * cached while one-off lookups come and go (the old cache emptied itself entirely when full, so everyone was
     * read again).
     */
    @Test
    void pastItsBoundTheCacheEvictsOneOffLookupsAndKeepsTheOnesAskedForOften() throws Exception {
        for (int i = 0; i < 5; i++) {
            directory.company(github, "a");
        }
        for (String once : new String[] { "b", "c", "d", "e", "f", "g", "h" }) {
            directory.company(github, once);
            assertThat(directory.size()).isLessThanOrEqualTo(3);
        }
        directory.company(github, "a");
        assertThat(github.count("profileCompany", "a")).isEqualTo(1);
    }

    @Test
    void aPersonAskedForByManyEvaluationsAtOnceIsReadOnce() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InMemoryGitHub slow = new InMemoryGitHub() {
            @Override
            public Optional<String> profileCompany(String login) {
                reading.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.profileCompany(login);
            }
        };
        slow.companies.put("dave", "Crosslake");
        List<CompletableFuture<Optional<String>>> asking = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            asking.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return directory.company(slow, "dave");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // the others arrive while the first read is under way
        release.countDown();
        for (CompletableFuture<Optional<String>> answer : asking) {
            assertThat(answer.get(5, TimeUnit.SECONDS)).contains("Crosslake");
        }
        assertThat(slow.count("profileCompany", "dave")).isEqualTo(1);
    }

    @Test
    void aFailedReadIsNotKept() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(true);
        InMemoryGitHub flaky = new InMemoryGitHub() {
            @Override
            public Optional<java.util.Set<String>> teamMembers(String org, String slug) {
                if (failing.get()) {
                    // what RestGitHub throws for a 502 (InMemoryGitHub's methods declare no IOException)
                    DirectoryTest.<RuntimeException>sneakyThrow(
                            new GitHubApiException("GET", "/orgs/" + org + "/teams/" + slug + "/members", 502, ""));
                }
                return super.teamMembers(org, slug);
            }
        };
        flaky.team("mojaloop", "release-managers", "Henry");
        assertThatThrownBy(() -> directory.teamMembers(flaky, "mojaloop", "release-managers"))
                .isInstanceOf(GitHubApiException.class);
        failing.set(false);
        assertThat(directory.teamMembers(flaky, "mojaloop", "release-managers")).containsExactly("henry");
    }

    @Test
    void forgettingATeamReadsItAgain() throws Exception {
        github.team("mojaloop", "release-managers", "henry");
        directory.teamMembers(github, "mojaloop", "release-managers");
        directory.forgetTeam("mojaloop", "Release-Managers");
        directory.teamMembers(github, "mojaloop", "release-managers");
        assertThat(github.count("teamMembers", "mojaloop", "release-managers")).isEqualTo(2);
    }

    @Test
    void hitsAndMissesAreCounted() throws Exception {
        directory.company(github, "a");
        directory.company(github, "a");
        directory.company(github, "a");
        directory.canWrite(github, "mojaloop/central-ledger", "a");
        assertThat(registry.get("cache.gets").tags("cache", "release-bot-companies", "result", "hit").functionCounter().count())
                .isEqualTo(2);
        assertThat(registry.get("cache.gets").tags("cache", "release-bot-companies", "result", "miss").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get("cache.gets").tags("cache", "release-bot-permissions", "result", "miss").functionCounter().count())
                .isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }
}
