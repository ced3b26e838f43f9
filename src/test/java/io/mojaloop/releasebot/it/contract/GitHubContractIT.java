package io.mojaloop.releasebot.it.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mojaloop.releasebot.it.FakeGitHub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The contract check is wired into the HTTP-level tests as they really run: the fake GitHub a Quarkus integration
 * test starts checks what it receives, and the extension sees it under the name of the test that was running (so its
 * after-each check fails that test). The request here is sent by the test itself, and taken back, so this test passes.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = FakeGitHub.class, restrictToAnnotatedClass = true)
class GitHubContractIT {

    FakeGitHub github;

    @Test
    void aRequestGitHubDoesNotAllowIsRecordedForTheTestThatSentIt() throws Exception {
        github.reset();
        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + github.port() + "/repos/o/r/pulls?status=open")).build(),
                HttpResponse.BodyHandlers.discarding());
        List<ContractCheck.Violation> recorded = ContractCheck.drain();
        assertThat(recorded).singleElement().satisfies(v -> {
            assertThat(v.message()).contains("GET /repos/o/r/pulls?status=open", "query parameter 'status' is not declared");
            assertThat(v.test()).isEqualTo("GitHubContractIT.aRequestGitHubDoesNotAllowIsRecordedForTheTestThatSentIt()");
        });
        assertThat(GitHubContractExtension.active).isTrue();
    }
}
