package io.mojaloop.releasebot.core.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryPartsTest {

    @Test
    void versions() {
        assertThat(ReleaseVersion.parse("v17.2.0")).isPresent();
        assertThat(ReleaseVersion.parse("17.2.0-rc.1")).isPresent();
        assertThat(ReleaseVersion.parse("v17.2.0-snapshot.3")).isPresent();
        assertThat(ReleaseVersion.parse("v17.2.0-hotfix.1")).isPresent();
        assertThat(ReleaseVersion.parse("v17.2")).isEmpty();
        assertThat(ReleaseVersion.parse("v17.2.0-beta.1")).isEmpty();
        assertThat(ReleaseVersion.parse("v17.02.0")).isEmpty();
        assertThat(ReleaseVersion.parse("latest")).isEmpty();
        assertThat(ReleaseVersion.parse("v17.2.0-rc.1").orElseThrow().belongsTo("v17.2.0")).isTrue();
        assertThat(ReleaseVersion.parse("v17.2.10").orElseThrow().belongsTo("v17.2.1")).isFalse();
        assertThat(ReleaseVersion.sameTag("v17.2.0", "17.2.0")).isTrue();
    }

    @Test
    void gateCommands() {
        GateCommand.Parsed p = GateCommand.parse("golden-path-dev pass https://ci.example/run/42 all green");
        assertThat(p.ok()).isTrue();
        assertThat(p.gateId()).isEqualTo("golden-path-dev");
        assertThat(p.action()).isEqualTo(GateCommand.Action.PASS);
        assertThat(p.evidenceUrl()).isEqualTo("https://ci.example/run/42");
        assertThat(p.note()).isEqualTo("all green");
        GateCommand.Parsed noUrl = GateCommand.parse("Downstream FAIL mini-loop could not deploy");
        assertThat(noUrl.gateId()).isEqualTo("downstream");
        assertThat(noUrl.action()).isEqualTo(GateCommand.Action.FAIL);
        assertThat(noUrl.evidenceUrl()).isNull();
        assertThat(noUrl.note()).isEqualTo("mini-loop could not deploy");
        assertThat(GateCommand.parse("downstream reset").note()).isNull();
        GateCommand.Parsed js = GateCommand.parse("downstream pass javascript:alert(1) hi");
        assertThat(js.evidenceUrl()).isNull();
        assertThat(js.note()).isEqualTo("javascript:alert(1) hi");
        assertThat(GateCommand.parse("downstream maybe").problem()).isEqualTo(GateCommand.Problem.UNKNOWN_ACTION);
        assertThat(GateCommand.parse("").ok()).isFalse();
        assertThat(GateCommand.parse("downstream").ok()).isFalse();
    }

    @Test
    void theBlockIsAppendedThenReplacedInPlace() {
        String human = "# Release v17.2.0\n\nChecklist written by people.";
        String once = StoryBlock.splice(human, "block 1");
        assertThat(once).startsWith(human).endsWith(StoryBlock.START + "\nblock 1\n" + StoryBlock.END);
        String withTail = once + "\n\nNotes below, by people.";
        String twice = StoryBlock.splice(withTail, "block 2");
        assertThat(twice).isEqualTo(human + "\n\n" + StoryBlock.START + "\nblock 2\n" + StoryBlock.END + "\n\nNotes below, by people.");
        assertThat(StoryBlock.splice(twice, "block 2")).isEqualTo(twice);
        assertThat(StoryBlock.current(twice)).isEqualTo("block 2");
    }

    @Test
    void aMissingEndMarkerDoesNotMultiplyBlocks() {
        String broken = "top\n" + StoryBlock.START + "\nold stuff";
        String fixed = StoryBlock.splice(broken, "new");
        assertThat(fixed).isEqualTo("top\n" + StoryBlock.START + "\nnew\n" + StoryBlock.END);
        assertThat(StoryBlock.splice(fixed, "new")).isEqualTo(fixed);
    }

    @Test
    void emptyBodies() {
        assertThat(StoryBlock.splice(null, "b")).isEqualTo(StoryBlock.START + "\nb\n" + StoryBlock.END);
        assertThat(StoryBlock.current("no block")).isNull();
        assertThat(StoryBlock.splice("a\r\nb", "x")).startsWith("a\nb\n\n");
    }
}
