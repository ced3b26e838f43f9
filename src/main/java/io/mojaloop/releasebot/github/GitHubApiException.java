package io.mojaloop.releasebot.github;

import java.io.IOException;

/** GitHub answered with an error status. */
public class GitHubApiException extends IOException {

    private final int status;
    private final String method;
    private final String path;

    public GitHubApiException(String method, String path, int status, String body) {
        super(method + " " + path + " answered " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body)));
        this.status = status;
        this.method = method;
        this.path = path;
    }

    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
