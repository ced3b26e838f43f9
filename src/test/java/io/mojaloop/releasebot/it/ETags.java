package io.mojaloop.releasebot.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Conditional requests as GitHub answers them: every successful GET carries an {@code ETag} derived from its body,
 * and a GET whose {@code If-None-Match} names the current ETag gets a 304 with no body (which costs no rate limit on
 * GitHub). Because the ETag is the body's hash, a stateful answer (check runs, issues) that changed gets a new one.
 */
public class ETags implements ResponseTransformerV2 {

    @Override
    public String getName() {
        return "etags";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        var request = serveEvent.getRequest();
        if (!"GET".equals(request.getMethod().getName()) || response.getStatus() != 200) {
            return response;
        }
        String etag = "\"" + hash(response.getBody()) + "\"";
        HttpHeader ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch.isPresent() && ifNoneMatch.firstValue().equals(etag)) {
            return Response.Builder.like(response).but().status(304).body(new byte[0])
                    .headers(new HttpHeaders(new HttpHeader("ETag", etag))).build();
        }
        HttpHeaders headers = response.getHeaders().plus(new HttpHeader("ETag", etag));
        return Response.Builder.like(response).but().headers(headers).build();
    }

    private static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body == null ? new byte[0] : body))
                    .substring(0, 20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
