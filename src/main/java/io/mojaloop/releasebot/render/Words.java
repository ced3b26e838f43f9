package io.mojaloop.releasebot.render;

import java.util.Locale;

import io.mojaloop.releasebot.core.policy.ReviewState;
import io.quarkus.qute.TemplateExtension;

/** Policy values as words in templates. */
public final class Words {

    private Words() {
    }

    /** {@code {review.state.words}}: "approved", "changes requested", "dismissed". */
    @TemplateExtension(matchName = "words")
    public static String words(ReviewState state) {
        return state == null ? "" : state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
