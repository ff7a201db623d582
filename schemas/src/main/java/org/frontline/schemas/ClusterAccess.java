package org.frontline.schemas;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Asks the cluster, before anything is sent, whether this client may write to the topics a command writes
 * to, so that a principal without the permission gets one clear line naming the topic and the operation,
 * and not a record is published. Uses the operations the broker reports as authorized for the caller
 * ({@code DescribeTopics} with {@code includeAuthorizedOperations}); a cluster without an authorizer
 * allows everything.
 */
public final class ClusterAccess {

    private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

    private ClusterAccess() {
    }

    /**
     * Throws {@link AccessDeniedException} unless this client may WRITE to every one of {@code topics}.
     *
     * @throws KafkaException when the cluster cannot be asked
     */
    public static void requireWrite(Properties clientProps, List<String> topics) {
        String principal = principal(clientProps);
        try (Admin admin = Admin.create(ClientConfig.kafkaOnly(clientProps))) {
            Map<String, TopicDescription> described = admin.describeTopics(topics,
                            new DescribeTopicsOptions().includeAuthorizedOperations(true))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            for (String topic : topics) {
                Set<AclOperation> allowed = described.get(topic).authorizedOperations();
                if (allowed != null && !allowed.contains(AclOperation.WRITE) && !allowed.contains(AclOperation.ALL)) {
                    throw denied("WRITE to", topic, principal, "Write");
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                throw denied("DESCRIBE", String.join(", ", topics), principal, "Describe");
            }
            throw new KafkaException("cannot check access to " + topics + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("cannot check access to " + topics + ": the cluster did not answer in 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while checking access to " + topics, e);
        }
    }

    /** {@code User:NAME} from a SASL {@code sasl.jaas.config}, else a description of the client. */
    static String principal(Properties clientProps) {
        Matcher user = USERNAME.matcher(clientProps.getProperty("sasl.jaas.config", ""));
        return user.find() ? "User:" + user.group(1) : "this client's principal";
    }

    private static AccessDeniedException denied(String what, String topic, String principal, String operation) {
        String grantee = principal.startsWith("User:") ? principal : "<principal>";
        return new AccessDeniedException("not authorized to " + what + " topic " + topic + " (principal "
                + principal + "); nothing was sent. Grant it with: kafka-acls.sh --add --allow-principal "
                + grantee + " --operation " + operation + " --topic " + topic);
    }

    /** The cluster refuses this client an operation a command needs; the message says which and how to grant it. */
    public static final class AccessDeniedException extends KafkaException {
        private static final long serialVersionUID = 1L;

        AccessDeniedException(String message) {
            super(message);
        }
    }
}
