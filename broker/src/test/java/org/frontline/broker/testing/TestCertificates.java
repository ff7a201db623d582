package org.frontline.broker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate authority made for one test run, and a broker key signed by it for
 * {@code 127.0.0.1} and {@code localhost}, with the JDK's own {@code keytool}: no key material is checked in
 * and no library is needed.
 *
 * @param keyStore   PKCS12: the broker's key, its certificate and the CA's
 * @param trustStore PKCS12: the CA's certificate only, what clients trust
 * @param password   password of both stores and of the key
 */
public record TestCertificates(Path keyStore, Path trustStore, String password) {

    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    /** Makes the CA, the broker's key and both stores in {@code dir}. */
    public static TestCertificates create(Path dir, String password) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path ca = dir.resolve("ca.p12");
        Path caCert = dir.resolve("ca.pem");
        Path keyStore = dir.resolve("broker.p12");
        Path request = dir.resolve("broker.csr");
        Path brokerCert = dir.resolve("broker.pem");
        Path trustStore = dir.resolve("truststore.p12");
        String store = "-storepass";
        keytool("-genkeypair", "-alias", "ca", "-dname", "CN=Frontline test CA", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-ext", "bc:c", "-keystore", ca.toString(), "-storetype", "PKCS12",
                store, password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), store, password,
                "-file", caCert.toString());
        keytool("-genkeypair", "-alias", "broker", "-dname", "CN=localhost", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12", store, password,
                "-keypass", password);
        keytool("-certreq", "-alias", "broker", "-keystore", keyStore.toString(), store, password,
                "-file", request.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), store, password, "-infile",
                request.toString(), "-outfile", brokerCert.toString(), "-rfc", "-validity", "2",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "KU=digitalSignature,keyEncipherment",
                "-ext", "EKU=serverAuth,clientAuth");
        // The CA first, so that the signed certificate's chain can be built when it is imported.
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(), "-keystore",
                keyStore.toString(), store, password);
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", brokerCert.toString(), "-keystore",
                keyStore.toString(), store, password);
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", store, password);
        return new TestCertificates(keyStore, trustStore, password);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
