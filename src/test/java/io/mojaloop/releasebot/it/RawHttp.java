package io.mojaloop.releasebot.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.restassured.RestAssured;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library will not do: send only the headers of a request,
 * stream a body that never ends, or hold a connection open doing nothing.
 */
final class RawHttp implements AutoCloseable {

    final Socket socket;
    final OutputStream out;
    final InputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** A connection to the app under test. */
    static RawHttp open() throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setTcpNoDelay(true);
        return new RawHttp(socket);
    }

    /** Sends a request line and headers (each "Name: value"), ending the head; no body. */
    RawHttp head(String method, String path, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return this;
    }

    RawHttp write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /**
     * The status code of the response, read within the timeout; -1 when the connection ends without one, 0 when
     * nothing came in time.
     */
    int status(Duration timeout) throws IOException {
        String line = statusLine(timeout);
        if (line == null) {
            return -1;
        }
        if (line.isEmpty()) {
            return 0;
        }
        return Integer.parseInt(line.split(" ")[1]);
    }

    /** The first line of the response; "" when nothing came in time, null when the connection ended first. */
    String statusLine(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    return line.toString(StandardCharsets.US_ASCII).trim();
                }
                line.write(b);
            }
            return null;
        } catch (SocketTimeoutException e) {
            return "";
        } catch (IOException e) {
            return null;
        }
    }

    /** Reads and discards until the server closes the connection; false when it is still open after the timeout. */
    boolean closedByServerWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                if (in.read(buffer) == -1) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
