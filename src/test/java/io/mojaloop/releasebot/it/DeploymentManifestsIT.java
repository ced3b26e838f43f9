package io.mojaloop.releasebot.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kubernetes manifests and the Helm chart that {@code ./mvnw package} generates (docs/deploy.md) keep what an
 * operator relies on: credentials only as Secret references, both health probes, resource requests and limits,
 * Prometheus scrape annotations, one replica. Plain JUnit on the files in target/ (failsafe runs after package).
 */
class DeploymentManifestsIT {

    static final Path TARGET = Path.of("target");
    static final Path KUBERNETES = TARGET.resolve("kubernetes/kubernetes.yml");
    static final Path CHART = TARGET.resolve("helm/kubernetes/mojaloop-release-bot");

    /** Every credential the app reads (application.properties, PRODUCT.md): env var -> key in the Secret. */
    static final Map<String, String> SECRET_ENV = Map.of(
            "QUARKUS_GITHUB_APP_APP_ID", "app-id",
            "QUARKUS_GITHUB_APP_PRIVATE_KEY", "private-key",
            "QUARKUS_GITHUB_APP_WEBHOOK_SECRET", "webhook-secret",
            "RELEASE_BOT_REPORT_TOKEN", "report-token");

    static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void kubernetesManifestsKeepSecretsProbesResourcesAndMetrics() throws IOException {
        List<JsonNode> docs = readAll(Files.readString(KUBERNETES));
        assertDeployment(docs, "mojaloop-release-bot");
        assertThat(kinds(docs)).contains("Service").doesNotContain("Secret")
                // a ServiceMonitor needs the Prometheus Operator's CRDs; the annotations work everywhere
                .doesNotContain("ServiceMonitor");
    }

    @Test
    void helmChartRendersTheSameDeployment() throws IOException {
        assertThat(CHART.resolve("Chart.yaml")).exists();
        JsonNode chart = YAML.readTree(CHART.resolve("Chart.yaml").toFile());
        assertThat(chart.path("name").asText()).isEqualTo("mojaloop-release-bot");
        assertThat(chart.path("apiVersion").asText()).isEqualTo("v2");

        JsonNode values = YAML.readTree(CHART.resolve("values.yaml").toFile());
        assertThat(values.at("/app/secretName").asText()).isEqualTo("mojaloop-release-bot");
        assertThat(values.at("/app/resources/requests/memory").asText()).isNotEmpty();
        assertThat(values.at("/app/resources/limits/memory").asText()).isNotEmpty();
        assertThat(values.at("/app/ingress/enabled").asBoolean(true)).as("ingress off unless asked").isFalse();
        assertNoLiteralSecret(Files.readString(CHART.resolve("values.yaml")));

        String deploymentTemplate = Files.readString(CHART.resolve("templates/deployment.yaml"));
        assertThat(deploymentTemplate).contains("secretKeyRef").contains("{{ .Values.app.secretName }}");
        List<JsonNode> rendered = readAll(render(deploymentTemplate, values));
        // with a different Secret name in the values, every reference follows it
        assertDeployment(rendered, "mojaloop-release-bot");
        JsonNode other = values.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) other.get("app")).put("secretName", "my-bot-secret");
        assertDeployment(readAll(render(deploymentTemplate, other)), "my-bot-secret");

        assertThat(CHART.resolve("templates/service.yaml")).exists();
        assertThat(Files.readString(CHART.resolve("templates/ingress.yaml"))).startsWith("{{- if .Values.app.ingress.enabled }}");
    }

    static void assertDeployment(List<JsonNode> docs, String secretName) {
        JsonNode deployment = docs.stream().filter(d -> "Deployment".equals(d.path("kind").asText())).findFirst().orElseThrow(
                () -> new AssertionError("no Deployment"));
        assertThat(deployment.at("/spec/replicas").asInt()).as("one replica (docs/deploy.md)").isEqualTo(1);
        assertThat(deployment.at("/spec/selector/matchLabels").has("app.kubernetes.io/version"))
                .as("selector must not change between versions").isFalse();

        JsonNode pod = deployment.at("/spec/template");
        JsonNode container = pod.at("/spec/containers/0");
        int port = container.at("/ports/0/containerPort").asInt();
        assertThat(port).isEqualTo(8080);

        // credentials: only references to the Secret, never a value
        for (Map.Entry<String, String> e : SECRET_ENV.entrySet()) {
            JsonNode env = env(container, e.getKey());
            assertThat(env).as("env %s", e.getKey()).isNotNull();
            assertThat(env.has("value")).as("%s must not have a literal value", e.getKey()).isFalse();
            assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).as(e.getKey()).isEqualTo(secretName);
            assertThat(env.at("/valueFrom/secretKeyRef/key").asText()).as(e.getKey()).isEqualTo(e.getValue());
        }
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().matches(".*(SECRET|KEY|TOKEN|PASSWORD).*")) {
                assertThat(env.has("value")).as("%s has a literal value", env.path("name").asText()).isFalse();
            }
        }
        assertThat(env(container, "RELEASE_BOT_DRY_RUN")).as("dry-run switch (docs/operations.md)").isNotNull();

        // probes
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/livenessProbe/httpGet/port").asInt()).isEqualTo(port);
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/readinessProbe/httpGet/port").asInt()).isEqualTo(port);

        // resources, sized from docs/benchmarks.md ("Start and memory"): the request covers the resident memory
        // measured after a burst (at most 170 MiB), the limit the image's heap cap (quarkus.jib.jvm-entrypoint) plus
        // what the JVM holds outside the heap (about 110 MiB after a burst) with room to spare
        JsonNode resources = container.path("resources");
        long requestMemory = mebibytes(resources.at("/requests/memory").asText());
        long limitMemory = mebibytes(resources.at("/limits/memory").asText());
        assertThat(requestMemory).as("memory request covers the measured peak").isGreaterThanOrEqualTo(170);
        long heapCap = PackagedApp.jvmOptions().stream().map(o -> Pattern.compile("-Xmx(\\d+)m").matcher(o))
                .filter(Matcher::matches).mapToLong(m -> Long.parseLong(m.group(1))).findFirst()
                .orElseThrow(() -> new AssertionError("the image's JVM has no -Xmx<n>m"));
        assertThat(limitMemory).as("memory limit: the heap cap and what lives outside the heap")
                .isGreaterThanOrEqualTo(Math.max(requestMemory, heapCap + 160));
        assertThat(resources.at("/requests/cpu").asText()).isNotEmpty();
        assertThat(resources.at("/limits/cpu").asText()).isNotEmpty();

        // Prometheus scrape annotations on the pods
        JsonNode annotations = pod.at("/metadata/annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(port));
    }

    static JsonNode env(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (name.equals(env.path("name").asText())) {
                return env;
            }
        }
        return null;
    }

    static void assertNoLiteralSecret(String text) {
        assertThat(text).doesNotContain("BEGIN").doesNotContain("PRIVATE KEY-----").doesNotContainIgnoringCase("ghp_")
                .doesNotContain("sandbox-");
    }

    static long mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(m.matches()).as("memory quantity %s", quantity).isTrue();
        long n = Long.parseLong(m.group(1));
        return "Gi".equals(m.group(2)) ? n * 1024 : n;
    }

    static List<String> kinds(List<JsonNode> docs) {
        return docs.stream().map(d -> d.path("kind").asText()).toList();
    }

    static List<JsonNode> readAll(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static final Pattern EXPRESSION = Pattern.compile("\\{\\{-?\\s*(\\.Values(?:\\.[A-Za-z0-9_]+)+)\\s*(\\|\\s*quote\\s*)?-?\\}\\}");

    /** The chart's templates use only {{ .Values.x.y }} (optionally | quote): enough of helm template to check them. */
    static String render(String template, JsonNode values) {
        Matcher m = EXPRESSION.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = values.at(m.group(1).substring(".Values".length()).replace('.', '/'));
            assertThat(value.isMissingNode()).as("%s is not in values.yaml", m.group(1)).isFalse();
            String text = value.asText();
            String replacement = m.group(2) != null || !value.isNumber() ? "\"" + text.replace("\"", "\\\"") + "\"" : text;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        assertThat(out.toString()).as("a template construct this test does not render").doesNotContain("{{");
        return out.toString();
    }
}
