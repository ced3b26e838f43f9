package io.mojaloop.releasebot.core.contents;

/**
 * Links to GitHub for the notes and the story: {@code web} is where people read GitHub (https://github.com, or a
 * GitHub Enterprise Server), {@code org} the owner of repositories named without one.
 */
public record Links(String web, String org) {

    public Links {
        web = web == null || web.isBlank() ? "https://github.com" : web.strip().replaceAll("/+$", "");
    }

    /** {@code owner/name}: the repository as written when it has an owner, else in the org. */
    public String fullName(String repository) {
        return repository.contains("/") ? repository : org + "/" + repository;
    }

    public String repository(String repository) {
        return web + "/" + fullName(repository);
    }

    public String pullRequest(String repository, int number) {
        return repository(repository) + "/pull/" + number;
    }

    /** An issue reference {@code owner/repo#N}; null when it is not one. */
    public String issue(String ref) {
        int hash = ref.indexOf('#');
        if (hash < 0 || ref.indexOf('/') < 0) {
            return null;
        }
        return web + "/" + ref.substring(0, hash) + "/issues/" + ref.substring(hash + 1);
    }

    public String commit(String repository, String sha) {
        return repository(repository) + "/commit/" + segment(sha);
    }

    public String release(String repository, String tag) {
        return repository(repository) + "/releases/tag/" + segment(tag);
    }

    public String tree(String repository, String ref) {
        return repository(repository) + "/tree/" + segment(ref);
    }

    public String compare(String repository, String base, String head) {
        return repository(repository) + "/compare/" + segment(base) + "..." + segment(head);
    }

    /** A tag or ref as one URL path segment: unreserved characters kept, everything else percent-encoded. */
    static String segment(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** Text from the chart or from people, cut to {@code max} characters (an ellipsis marks the cut). */
    public static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String one = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return one.codePointCount(0, one.length()) <= max ? one
                : one.substring(0, one.offsetByCodePoints(0, max - 1)) + "…";
    }
}
