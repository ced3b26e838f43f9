package io.mojaloop.releasebot.github;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The GitHub App's own credential: a JSON Web Token signed (RS256) with the app's private key, for the endpoints
 * that belong to the app rather than to one installation ({@code /app/...}, such as the webhook deliveries). Issued
 * 60 s in the past (clock drift, as GitHub recommends) and valid 9 minutes; a token is reused until a minute before
 * it expires. The key is the PEM GitHub hands out (PKCS#1, {@code BEGIN RSA PRIVATE KEY}) or PKCS#8
 * ({@code BEGIN PRIVATE KEY}).
 */
public final class AppJwt implements Supplier<String> {

    static final Duration LIFETIME = Duration.ofMinutes(9);

    private final String appId;
    private final PrivateKey key;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public AppJwt(String appId, String pem, Clock clock) {
        this.appId = appId;
        this.key = privateKey(pem);
        this.clock = clock;
    }

    @Override
    public synchronized String get() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            token = sign(now);
            renewAt = now.plus(LIFETIME).minusSeconds(60);
        }
        return token;
    }

    private String sign(Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long iat = now.getEpochSecond() - 60;
        long exp = now.plus(LIFETIME).getEpochSecond();
        String payload = b64.encodeToString(("{\"iat\":" + iat + ",\"exp\":" + exp + ",\"iss\":\"" + appId + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the GitHub App's token", e);
        }
    }

    /** Reads an RSA private key from PEM, PKCS#1 or PKCS#8. */
    static PrivateKey privateKey(String pem) {
        boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? pkcs8(der) : der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA private key in PEM form", e);
        }
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, algorithm rsaEncryption). */
    static byte[] pkcs8(byte[] pkcs1) {
        byte[] version = { 0x02, 0x01, 0x00 };
        byte[] rsaEncryption = { 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
                0x01, 0x05, 0x00 };
        byte[] octets = tlv(0x04, pkcs1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(rsaEncryption);
        body.writeBytes(octets);
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((length >> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
