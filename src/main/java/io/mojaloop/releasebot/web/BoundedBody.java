package io.mojaloop.releasebot.web;

import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * Reads a request body into memory before anything else looks at it, within limits: a body declared larger than the
 * limit ({@code Content-Length}) is refused before a byte of it is read; a body that turns out larger (chunked) is
 * refused the moment it passes the limit, and its connection closed, so the rest is never read; and a {@link Budget}
 * bounds how many bodies, and how many of their bytes, are being read at once. Never a file: multipart bodies are
 * bytes like any other (Vert.x's multipart decoder and upload directory are not involved).
 * <p>
 * The body read is set on the routing context the way Vert.x's own body handler does, so the routes after it (the
 * REST endpoints, quarkus-github-app's webhook route) use it instead of reading again.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /** What became of the body. Every method is called on the event loop, at most one of the last three once. */
    interface Reader {
        /** Each piece as it arrives (say, to compute a signature while reading). */
        default void chunk(Buffer chunk) {
        }

        void body(Buffer body);

        /** Larger than the limit (declared or sent); the connection will be closed after the answer. */
        void tooLarge();

        /** The budget is used up; the connection will be closed after the answer. */
        void busy();
    }

    /** How many bodies, and how many bytes of them, may be held while being read at once. */
    static final class Budget {
        private final int maxBodies;
        private final long maxBytes;
        private int bodies;
        private long bytes;

        Budget(int maxBodies, long maxBytes) {
            this.maxBodies = maxBodies;
            this.maxBytes = maxBytes;
        }

        final class Ticket {
            private long held;
            private boolean closed;

            boolean grow(long n) {
                synchronized (Budget.this) {
                    if (closed || bytes + n > maxBytes) {
                        return false;
                    }
                    bytes += n;
                    held += n;
                    return true;
                }
            }

            void close() {
                synchronized (Budget.this) {
                    if (!closed) {
                        closed = true;
                        bodies--;
                        bytes -= held;
                    }
                }
            }
        }

        /** A ticket holding {@code reserve} bytes, or null when that does not fit now. */
        synchronized Ticket open(long reserve) {
            if (bodies >= maxBodies || bytes + reserve > maxBytes) {
                return null;
            }
            bodies++;
            bytes += reserve;
            Ticket t = new Ticket();
            t.held = reserve;
            return t;
        }

        synchronized int bodies() {
            return bodies;
        }

        synchronized long bytes() {
            return bytes;
        }
    }

    /** -1 when the request declares no length (chunked). */
    static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    static void read(RoutingContext ctx, long limit, Budget budget, Reader reader) {
        HttpServerRequest request = ctx.request();
        long declared = declaredLength(request);
        if (declared > limit) {
            reader.tooLarge();
            return;
        }
        Budget.Ticket ticket = budget.open(Math.max(0, declared));
        if (ticket == null) {
            reader.busy();
            return;
        }
        AtomicBoolean done = new AtomicBoolean();
        ctx.addEndHandler(v -> ticket.close());
        if (request.isEnded()) {
            done.set(true);
            try {
                reader.body(Buffer.buffer());
            } finally {
                ticket.close();
            }
            return;
        }
        Buffer body = Buffer.buffer((int) Math.min(Math.max(declared, 256), 64 * 1024));
        long[] size = { 0 };
        request.exceptionHandler(e -> {
            done.set(true);
            ticket.close();
        });
        request.handler(chunk -> {
            if (done.get()) {
                return;
            }
            size[0] += chunk.length();
            if (size[0] > limit) {
                done.set(true);
                ticket.close();
                reader.tooLarge();
                return;
            }
            if (declared < 0 && !ticket.grow(chunk.length())) {
                done.set(true);
                ticket.close();
                reader.busy();
                return;
            }
            reader.chunk(chunk);
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (done.getAndSet(true)) {
                return;
            }
            try {
                reader.body(body);
            } finally {
                ticket.close();
            }
        });
        if (request.version() != HttpVersion.HTTP_1_0 && "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            ctx.response().writeContinue();
        }
        request.resume();
    }

    /** Hands the body to the routes that follow, as Vert.x's body handler would have. */
    static void setOn(RoutingContext ctx, Buffer body) {
        RoutingContextInternal internal = (RoutingContextInternal) ctx;
        internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
        internal.setBody(body);
    }

    /**
     * Ends the response; when the request body was not (all) read, stops the client from sending the rest: over
     * HTTP/1 it is asked to go ({@code Connection: close}) and the connection is closed once the answer is out; over
     * HTTP/2 only this request's stream is reset (NO_ERROR, after the complete answer: the other requests on the
     * connection go on).
     */
    static void answer(RoutingContext ctx, HttpServerResponse response, String text) {
        boolean unread = !ctx.request().isEnded();
        boolean http2 = ctx.request().version() == HttpVersion.HTTP_2;
        if (unread && !http2) {
            response.putHeader("Connection", "close");
        }
        response.end(text).onComplete(sent -> {
            if (unread) {
                if (http2) {
                    response.reset(0);
                } else {
                    ctx.request().connection().close();
                }
            }
        });
    }
}
