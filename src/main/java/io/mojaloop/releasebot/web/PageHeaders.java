package io.mojaloop.releasebot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The headers of every page for people (the dashboard, the sandbox page): no script may run, nothing may be loaded
 * from elsewhere, no other site may frame the page, and the browser takes the content type as given. The pages have
 * one stylesheet, inline in their head: it is allowed by its SHA-256, so a style smuggled into the page (the
 * templates escape everything, this is the second line) would not apply.
 */
public final class PageHeaders {

    private PageHeaders() {
    }

    /** A 200 HTML page with those headers. */
    public static Response html(String page) {
        return with(Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")), page).build();
    }

    public static Response.ResponseBuilder with(Response.ResponseBuilder response, String page) {
        return response.header("Content-Security-Policy", contentSecurityPolicy(page))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }

    static String contentSecurityPolicy(String page) {
        String style = headStyle(page);
        return "default-src 'none'; script-src 'none'; style-src " + (style == null ? "'none'" : "'sha256-" + sha256(style) + "'")
                + "; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /** The text of the {@code <style>} element in the page's head (written by the template, never by a request). */
    static String headStyle(String page) {
        if (page == null) {
            return null;
        }
        int body = page.indexOf("<body");
        int open = page.indexOf("<style>");
        if (open < 0 || (body >= 0 && open > body)) {
            return null;
        }
        int close = page.indexOf("</style>", open);
        return close < 0 ? null : page.substring(open + "<style>".length(), close);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
