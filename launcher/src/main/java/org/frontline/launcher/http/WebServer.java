package org.frontline.launcher.http;

import java.util.function.Consumer;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;

/**
 * The one HTTP server of a Frontline process. Each part that serves something registers its routes
 * here (ingestion, the query API, the dashboard); the server binds to 127.0.0.1 unless told
 * otherwise. Port 0 takes a free port, see {@link Javalin#port()}.
 */
public final class WebServer {

    private WebServer() {
    }

    /** Starts a server on {@code host:port} with the routes {@code routes} registers. */
    public static Javalin start(String host, int port, Consumer<RoutesConfig> routes) {
        return Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            routes.accept(config.routes);
        }).start();
    }
}
