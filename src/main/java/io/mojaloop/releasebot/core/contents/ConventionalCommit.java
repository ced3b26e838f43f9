package io.mojaloop.releasebot.core.contents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A commit message read as a Conventional Commit ({@code type(scope)!: description}), as commitlint enforces on
 * Mojaloop PR titles (which squash merges make the commit title).
 *
 * @param title the message's first line, trimmed
 * @param type the type in lower case ({@code feat}, {@code fix}, {@code chore}, ...), null when the title is not a
 *        Conventional Commit
 * @param scope what is between the parentheses, null when there are none
 * @param breaking {@code !} before the colon, or a {@code BREAKING CHANGE:} (also {@code BREAKING-CHANGE:},
 *        {@code BREAKING CHANGES:}) footer line in the body
 * @param description the text after the colon (the whole title when not a Conventional Commit)
 */
public record ConventionalCommit(String title, String type, String scope, boolean breaking, String description) {

    static final Pattern HEADER = Pattern.compile(
            "(?<type>[A-Za-z][A-Za-z0-9-]*)(?:\\((?<scope>[^()\\r\\n]*)\\))?(?<bang>!)?:\\s*(?<description>.*)");
    /** A footer line: upper case as the specification says, a list bullet allowed (squash bodies list commits). */
    static final Pattern BREAKING_FOOTER = Pattern.compile("(?m)^[ \\t]*(?:[-*][ \\t]+)?BREAKING[ -]CHANGES?[ \\t]*:");
    /** {@code mojaloop/#3122} or {@code mojaloop/3122}: issue 3122 of {@code mojaloop/project}. */
    static final Pattern PROJECT_ISSUE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]*)/#?([1-9][0-9]{0,8})");
    /** {@code mojaloop/central-ledger#12}: issue 12 of that repository. */
    static final Pattern REPO_ISSUE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]*)/([A-Za-z0-9_.-]+)#([1-9][0-9]{0,8})");
    /** A squash title's {@code (#123)} at the end. */
    static final Pattern SQUASH_PR = Pattern.compile("\\(#([1-9][0-9]{0,8})\\)\\s*$");
    static final Pattern MERGE_PR = Pattern.compile("^Merge pull request #([1-9][0-9]{0,8}) from ");

    /** Where a change goes in the notes. */
    public enum Group {
        BREAKING, FEATURE, FIX, OTHER
    }

    public static ConventionalCommit parse(String message) {
        String text = message == null ? "" : message.replace("\r\n", "\n");
        int nl = text.indexOf('\n');
        String title = (nl < 0 ? text : text.substring(0, nl)).strip();
        String body = nl < 0 ? "" : text.substring(nl + 1);
        boolean footer = BREAKING_FOOTER.matcher(body).find();
        Matcher m = HEADER.matcher(title);
        if (!m.matches()) {
            return new ConventionalCommit(title, null, null, footer, title);
        }
        return new ConventionalCommit(title, m.group("type").toLowerCase(Locale.ROOT), m.group("scope"),
                m.group("bang") != null || footer, m.group("description").strip());
    }

    /** Breaking whatever the type; else {@code feat} a feature, {@code fix} a fix; everything else other. */
    public Group group() {
        if (breaking) {
            return Group.BREAKING;
        }
        if ("feat".equals(type)) {
            return Group.FEATURE;
        }
        if ("fix".equals(type)) {
            return Group.FIX;
        }
        return Group.OTHER;
    }

    /** The issues the scope names, as {@code owner/repo#N}; see {@link #issuesInScope(String)}. */
    public List<String> issues() {
        return issuesInScope(scope);
    }

    /**
     * The issues a scope names: {@code mojaloop/#3122} and {@code mojaloop/3122} are {@code mojaloop/project#3122}
     * (the Mojaloop convention: the org's {@code project} repository holds the issues), {@code owner/repo#N} is that
     * repository's issue. Several may be listed, separated by commas or spaces. Anything else ({@code release},
     * {@code deps}, a bare {@code #12} whose repository is unknown) names no issue.
     */
    public static List<String> issuesInScope(String scope) {
        List<String> result = new ArrayList<>();
        if (scope == null) {
            return result;
        }
        for (String token : scope.split("[,\\s]+")) {
            String ref = null;
            Matcher project = PROJECT_ISSUE.matcher(token);
            Matcher repo = REPO_ISSUE.matcher(token);
            if (project.matches()) {
                ref = project.group(1) + "/project#" + project.group(2);
            } else if (repo.matches()) {
                ref = repo.group(1) + "/" + repo.group(2) + "#" + repo.group(3);
            }
            if (ref != null && !result.contains(ref)) {
                result.add(ref);
            }
        }
        return result;
    }

    /**
     * The PR number a title names: a squash title's {@code (#123)} at the end (the last, when there are several),
     * or a merge commit's {@code Merge pull request #123 from ...}; null when it names none. A {@code #12}
     * elsewhere in the title is not taken: it is usually an issue.
     */
    public static Integer pullRequestInTitle(String title) {
        if (title == null) {
            return null;
        }
        Matcher squash = SQUASH_PR.matcher(title);
        if (squash.find()) {
            return Integer.valueOf(squash.group(1));
        }
        Matcher merge = MERGE_PR.matcher(title.strip());
        if (merge.find()) {
            return Integer.valueOf(merge.group(1));
        }
        return null;
    }

    /** The title without a trailing squash {@code (#123)}: the PR is linked beside it. */
    public static String withoutPullRequest(String title) {
        return title == null ? "" : SQUASH_PR.matcher(title).replaceFirst("").strip();
    }
}
