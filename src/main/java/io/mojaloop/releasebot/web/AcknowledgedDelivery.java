package io.mojaloop.releasebot.web;

import java.util.Optional;

import io.quarkiverse.githubapp.GitHubEvent;
import io.vertx.core.json.JsonObject;

/**
 * A webhook delivery the bot has verified and acknowledged itself, handed to quarkus-github-app's dispatcher (the
 * same {@link GitHubEvent} its own route would have fired) after GitHub already has its 200.
 */
record AcknowledgedDelivery(Long installationId, String appName, String deliveryId, String repository, String event,
        String action, String payload, JsonObject parsedPayload) implements GitHubEvent {

    static AcknowledgedDelivery of(String deliveryId, String event, String action, String appName, String payload,
            JsonObject json) {
        JsonObject installation = json.getValue("installation") instanceof JsonObject i ? i : null;
        Long installationId = installation != null && installation.getValue("id") instanceof Number n ? n.longValue() : null;
        JsonObject repository = json.getValue("repository") instanceof JsonObject r ? r : null;
        String fullName = repository != null && repository.getValue("full_name") instanceof String f ? f : null;
        return new AcknowledgedDelivery(installationId, appName, deliveryId, fullName, event, action, payload, json);
    }

    @Override
    public Long getInstallationId() {
        return installationId;
    }

    @Override
    public boolean supportsInstallation() {
        return installationId != null && !"installation.deleted".equals(getEventAction());
    }

    @Override
    public Optional<String> getAppName() {
        return Optional.ofNullable(appName);
    }

    @Override
    public String getDeliveryId() {
        return deliveryId;
    }

    @Override
    public Optional<String> getRepository() {
        return Optional.ofNullable(repository);
    }

    @Override
    public String getRepositoryOrThrow() {
        return getRepository().orElseThrow(() -> new IllegalStateException("The payload did not provide any repository information"));
    }

    @Override
    public String getEvent() {
        return event;
    }

    @Override
    public String getAction() {
        return action;
    }

    @Override
    public String getEventAction() {
        return action == null || action.isBlank() ? event : event + "." + action;
    }

    @Override
    public String getPayload() {
        return payload;
    }

    @Override
    public JsonObject getParsedPayload() {
        return parsedPayload;
    }

    @Override
    public boolean isReplayed() {
        return false;
    }
}
