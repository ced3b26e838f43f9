package io.mojaloop.releasebot.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rendered texts compared with the files under {@code src/test/resources/wording/}, which were written by the code
 * as it was before the sentences moved from Java into templates: the wording tests prove every sentence stayed
 * byte for byte. After an intended change of wording, regenerate with {@code -Dgolden.update=true} and review the diff.
 */
public final class Wording {

    private Wording() {
    }

    public static void matches(String name, String rendered) throws IOException {
        Path file = Path.of("src/test/resources/wording/" + name);
        String text = rendered.endsWith("\n") ? rendered : rendered + "\n";
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertThat(text).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Several named texts in one file, each under a {@code ==== name} line. */
    public static final class Sheet {
        private final StringBuilder out = new StringBuilder();

        public Sheet add(String name, String text) {
            out.append("==== ").append(name).append('\n').append(text).append("\n\n");
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
