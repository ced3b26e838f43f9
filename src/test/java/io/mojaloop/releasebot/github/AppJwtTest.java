package io.mojaloop.releasebot.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The app's JWT: signed RS256 with the app's key (either PEM GitHub may hand out), issued as GitHub asks. */
class AppJwtTest {

    static final KeyPair KEYS = keys();

    static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The key as GitHub hands it out: PKCS#1 (the RSAPrivateKey inside Java's PKCS#8 encoding). */
    static String pkcs1Pem() {
        byte[] pkcs8 = KEYS.getPrivate().getEncoded();
        assertThat(pkcs8[22]).isEqualTo((byte) 0x04); // the OCTET STRING holding the PKCS#1 key
        return pem("RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, 26, pkcs8.length));
    }

    /** Verifies a JWT's signature with the app's public key and answers its payload. */
    public static JsonNode verified(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(KEYS.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signature").isTrue();
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    @Test
    void aPkcs1KeyIsWrappedIntoExactlyJavasPkcs8Encoding() {
        byte[] pkcs8 = KEYS.getPrivate().getEncoded();
        assertThat(AppJwt.pkcs8(Arrays.copyOfRange(pkcs8, 26, pkcs8.length))).isEqualTo(pkcs8);
    }

    @Test
    void theTokenIsSignedWithTheAppsKeyAndIssuedAsGitHubAsks() throws Exception {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        for (String pem : new String[] { pkcs1Pem(), pem("PRIVATE KEY", KEYS.getPrivate().getEncoded()) }) {
            AppJwt jwt = new AppJwt("424242", pem, Clock.fixed(now, ZoneOffset.UTC));
            JsonNode claims = verified(jwt.get());
            assertThat(claims.path("iss").asText()).isEqualTo("424242");
            assertThat(claims.path("iat").asLong()).isEqualTo(now.getEpochSecond() - 60);
            assertThat(claims.path("exp").asLong()).isEqualTo(now.getEpochSecond() + 540);
        }
    }

    @Test
    void aTokenIsReusedUntilAMinuteBeforeItExpires() {
        Instant[] now = { Instant.parse("2026-12-01T12:00:00Z") };
        AppJwt jwt = new AppJwt("7", pkcs1Pem(), new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        });
        String first = jwt.get();
        now[0] = now[0].plusSeconds(7 * 60);
        assertThat(jwt.get()).isEqualTo(first);
        now[0] = now[0].plusSeconds(61);
        assertThat(jwt.get()).isNotEqualTo(first);
    }
}
