package io.mojaloop.releasebot.web;

import java.util.Set;

/**
 * The names a webhook delivery's counter may carry: GitHub's event names ({@code X-GitHub-Event}) and actions
 * ({@code action}) as a fixed list, everything else {@code other}, so that no sender can grow the metrics (each
 * distinct label value is a series kept until the process ends).
 */
final class WebhookEvents {

    static final String OTHER = "other";

    /** GitHub's webhook events (docs.github.com, "Webhook events and payloads"). */
    static final Set<String> EVENTS = Set.of("branch_protection_configuration", "branch_protection_rule", "check_run",
            "check_suite", "code_scanning_alert", "commit_comment", "create", "custom_property",
            "custom_property_values", "delete", "dependabot_alert", "deploy_key", "deployment", "deployment_protection_rule",
            "deployment_review", "deployment_status", "discussion", "discussion_comment", "fork",
            "github_app_authorization", "gollum", "installation", "installation_repositories", "installation_target",
            "issue_comment", "issue_dependencies", "issues", "label", "marketplace_purchase", "member", "membership",
            "merge_group", "meta", "milestone", "org_block", "organization", "package", "page_build",
            "personal_access_token_request", "ping", "project", "project_card", "project_column", "projects_v2",
            "projects_v2_item", "projects_v2_status_update", "public", "pull_request", "pull_request_review",
            "pull_request_review_comment", "pull_request_review_thread", "push", "registry_package", "release",
            "repository", "repository_advisory", "repository_dispatch", "repository_import", "repository_ruleset",
            "repository_vulnerability_alert", "secret_scanning_alert", "secret_scanning_alert_location",
            "secret_scanning_scan", "security_advisory", "security_and_analysis", "sponsorship", "star", "status",
            "sub_issues", "team", "team_add", "watch", "workflow_dispatch", "workflow_job", "workflow_run");

    /** The actions those events carry. */
    static final Set<String> ACTIONS = Set.of("added", "answered", "approved", "archived", "assigned", "auto_merge_disabled",
            "auto_merge_enabled", "blocked", "cancelled", "category_changed", "closed", "completed", "converted",
            "converted_to_draft", "created", "deleted", "demilestoned", "dequeued", "dismissed", "edited", "enqueued",
            "fixed", "in_progress", "labeled", "locked", "member_added", "member_invited", "member_removed", "milestoned",
            "moved", "new_permissions_accepted", "opened", "pending_cancellation", "pending_tier_change", "pinned",
            "prereleased", "privatized", "published", "publicized", "purchased", "queued", "ready_for_review",
            "recreated", "released", "removed", "renamed", "reopened", "requested", "requested_action", "requested_changes",
            "rerequested", "resolved", "review_request_removed", "review_requested", "revoked", "started",
            "submitted", "suspend", "synchronize", "transferred", "unanswered", "unarchived", "unassigned", "unblocked",
            "unlabeled", "unlocked", "unpinned", "unpublished", "unresolved", "unsuspend", "updated", "waiting");

    private WebhookEvents() {
    }

    static String event(String name) {
        return name != null && EVENTS.contains(name) ? name : OTHER;
    }

    /** No action (a push, a ping) stays the empty label it always was. */
    static String action(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return ACTIONS.contains(name) ? name : OTHER;
    }
}
