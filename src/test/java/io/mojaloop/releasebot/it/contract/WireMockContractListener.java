package io.mojaloop.releasebot.it.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** Hands every request a WireMock fake GitHub receives to a {@link ContractCheck}, before any stub answers it. */
public final class WireMockContractListener implements ServeEventListener {

    private final ContractCheck check;

    public WireMockContractListener(ContractCheck check) {
        this.check = check;
    }

    @Override
    public String getName() {
        return "github-contract";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
        Request request = serveEvent.getRequest();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        check.request(request.getMethod().getName(), request.getUrl(), headers, request.getBodyAsString());
    }
}
