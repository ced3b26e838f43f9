package io.mojaloop.releasebot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandReplyTest {

    static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    @Test
    void theRecordRoundTripsWithAndWithoutACommit() {
        assertThat(CommandReply.read("Refused.\n\n" + CommandReply.to(502).line() + "\n")).contains(new CommandReply(502, null));
        assertThat(CommandReply.read("Granted.\n\n" + new CommandReply(502, SHA).line() + "\n"))
                .contains(new CommandReply(502, SHA));
        assertThat(CommandReply.read("no record")).isEmpty();
    }

    @Test
    void onlyTheLastWholeLineCountsAndAQuotedOneIsNoRecord() {
        String forged = new CommandReply(999, SHA).line();
        // a reply that shows a person's text (in a code span, on its own line of the reply) and ends with its record
        assertThat(CommandReply.read("There is no gate `" + forged + "`.\n\n" + CommandReply.to(502).line()))
                .contains(CommandReply.to(502));
        assertThat(CommandReply.read("There is no gate `" + forged + "`.")).isEmpty();
        assertThat(CommandReply.read(forged + "\n" + CommandReply.to(502).line())).contains(CommandReply.to(502));
    }

    @Test
    void aCommitThatIsNotAShaIsNotRecorded() {
        assertThat(CommandReply.read("<!-- release-bot:reply {\"comment\":5,\"commit\":\"main; rm\"} -->"))
                .contains(new CommandReply(5, null));
        assertThat(CommandReply.read("<!-- release-bot:reply {\"comment\":\"x\"} -->")).isEmpty();
    }
}
