package io.mojaloop.releasebot.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In the {@code sandbox} profile only, supplies the GitHub App private key: a fresh RSA key generated at start, so
 * the sandbox needs no GitHub account and no secret on disk. The simulated GitHub accepts any token; the key only
 * has to exist because the app refuses to start without one, exactly as in production. In every other profile this
 * source is empty. Ordinal 50: any real setting wins.
 */
public class SandboxKeys implements ConfigSource {

    static final String PRIVATE_KEY = "quarkus.github-app.private-key";

    private volatile String pem;

    static boolean sandboxProfile() {
        String profile = System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"));
        return profile != null && Set.of(profile.split(",")).contains("sandbox");
    }

    @Override
    public Set<String> getPropertyNames() {
        return sandboxProfile() ? Set.of(PRIVATE_KEY) : Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return sandboxProfile() ? Map.of(PRIVATE_KEY, pem()) : Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        return PRIVATE_KEY.equals(propertyName) && sandboxProfile() ? pem() : null;
    }

    @Override
    public String getName() {
        return "release-bot-sandbox-keys";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    private String pem() {
        if (pem == null) {
            synchronized (this) {
                if (pem == null) {
                    try {
                        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                        generator.initialize(2048);
                        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
                        pem = "-----BEGIN PRIVATE KEY-----\n"
                                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                                + "\n-----END PRIVATE KEY-----\n";
                    } catch (Exception e) {
                        throw new IllegalStateException("Cannot generate the sandbox key", e);
                    }
                }
            }
        }
        return pem;
    }
}
