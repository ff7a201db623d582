package org.frontline.launcher.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.Consumer;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * The one HTTP server of a Frontline process. Each part that serves something registers its routes
 * here (ingestion, the query API, live updates, the dashboard); the server binds to 127.0.0.1
 * unless told otherwise.
 */
public final class WebServer {

    private WebServer() {
    }

    /** Starts a server on {@code host:port} set up by {@code parts}. */
    public static Javalin start(String host, int port, Consumer<JavalinConfig> parts) {
        return Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            parts.accept(config);
        }).start();
    }

    /** The dashboard: the page under {@code web/} on the class path, and its libraries as WebJars. */
    public static void dashboard(JavalinConfig config) {
        config.staticFiles.add("/web", Location.CLASSPATH);
        config.staticFiles.enableWebjars();
    }

    /** {@code port}, or a free one on {@code host} when it is 0, so it can be advertised before the server starts. */
    public static int portFor(String host, int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host + ": " + e.getMessage(), e);
        }
    }
}
