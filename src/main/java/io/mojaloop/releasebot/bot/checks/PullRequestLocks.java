package io.mojaloop.releasebot.bot.checks;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

import io.mojaloop.releasebot.bot.PullRequestRef;

/**
 * One evaluation of a PR's checks at a time. Webhooks, commands, the freeze clock and the resync can all ask for
 * the same PR at once; each evaluation reads the commit's check runs and then creates or updates them, so two at
 * once would both see "no check run yet" and create two. Striped locks (a fixed number, so memory stays bounded;
 * reentrant, so an evaluation that evaluates again is fine).
 */
final class PullRequestLocks {

    interface Work {
        void run() throws IOException;
    }

    private static final ReentrantLock[] STRIPES = new ReentrantLock[128];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new ReentrantLock();
        }
    }

    private PullRequestLocks() {
    }

    static void with(PullRequestRef ref, Work work) throws IOException {
        ReentrantLock lock = STRIPES[Math.floorMod((ref.repository().toLowerCase(Locale.ROOT) + "#" + ref.number()).hashCode(),
                STRIPES.length)];
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }
}
