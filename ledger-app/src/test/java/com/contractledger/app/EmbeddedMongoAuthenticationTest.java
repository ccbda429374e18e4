package com.contractledger.app;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoCredential;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The embedded read-model store as the launcher configures it: the application reaches it with the per-start secret,
 * any other client on the machine is refused everything but the handshake, as a real MongoDB with authentication
 * refuses it. The real MongoDB driver is the client throughout, so it checks the server's side of SCRAM-SHA-256 too.
 */
class EmbeddedMongoAuthenticationTest {

    @TempDir
    Path dataDir;

    private void withEmbeddedStore(Consumer<ApplicationContext> test) {
        new ApplicationContextRunner()
                .withInitializer(context -> context.getBeanFactory()
                        .setConversionService(ApplicationConversionService.getSharedInstance()))
                .withUserConfiguration(EmbeddedMongoConfiguration.class)
                .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, MongoDataAutoConfiguration.class))
                .withPropertyValues("ledger.embedded-mongo.enabled=true", "ledger.data-dir=" + dataDir)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    test.accept(context);
                });
    }

    @Test
    void the_application_reads_and_writes_through_its_template() {
        withEmbeddedStore(context -> {
            MongoTemplate template = context.getBean(MongoTemplate.class);
            template.insert(new Document("_id", "c-1").append("state", "SIGNED"), "views");
            assertThat(template.findAll(Document.class, "views")).extracting(view -> view.get("state"))
                    .containsExactly("SIGNED");
        });
    }

    @Test
    void a_client_without_credentials_can_neither_list_nor_read_nor_write_nor_drop() {
        withEmbeddedStore(context -> {
            context.getBean(MongoTemplate.class).insert(new Document("_id", "c-1"), "views");
            try (MongoClient intruder = client(context, null)) {
                MongoDatabase ledger = intruder.getDatabase("ledger");
                MongoCollection<Document> views = ledger.getCollection("views");

                assertUnauthorized(() -> intruder.listDatabaseNames().into(new ArrayList<>()), "listDatabases");
                assertUnauthorized(() -> ledger.listCollectionNames().into(new ArrayList<>()), "listCollections");
                assertUnauthorized(() -> views.find().first(), "find");
                assertUnauthorized(() -> views.countDocuments(), "aggregate");
                assertUnauthorized(() -> views.insertOne(new Document("_id", "forged")), "insert");
                assertUnauthorized(() -> views.deleteMany(new Document()), "delete");
                assertUnauthorized(views::drop, "drop");
                assertUnauthorized(ledger::drop, "dropDatabase");
                assertUnauthorized(() -> ledger.runCommand(new Document("serverStatus", 1)), "serverStatus");
                assertThat(ledger.runCommand(new Document("ping", 1)).get("ok")).isEqualTo(1.0);
            }
            assertThat(context.getBean(MongoTemplate.class).findAll(Document.class, "views"))
                    .extracting(view -> view.get("_id")).containsExactly("c-1");
        });
    }

    @Test
    void a_wrong_password_or_user_fails_authentication_and_the_right_one_passes() {
        withEmbeddedStore(context -> {
            MongoCredential right = context.getBean(MongoConnectionDetails.class).getConnectionString().getCredential();
            assertThat(right).isNotNull();
            assertThat(right.getMechanism()).isEqualTo("SCRAM-SHA-256");
            String password = new String(right.getPassword());

            for (MongoCredential wrong : new MongoCredential[]{
                    MongoCredential.createScramSha256Credential(right.getUserName(), "admin", "guess".toCharArray()),
                    MongoCredential.createScramSha256Credential(right.getUserName(), "admin",
                            (password + "x").toCharArray()),
                    MongoCredential.createScramSha256Credential("root", "admin", password.toCharArray()),
                    MongoCredential.createScramSha1Credential(right.getUserName(), "admin", password.toCharArray())}) {
                try (MongoClient client = client(context, wrong)) {
                    Throwable failure = catchThrowable(() -> client.getDatabase("ledger").listCollectionNames().first());
                    assertThat(failure).as(wrong.toString()).isInstanceOf(MongoSecurityException.class)
                            .cause().isInstanceOf(MongoCommandException.class);
                    assertThat(((MongoCommandException) failure.getCause()).getErrorCode()).isEqualTo(18);
                }
            }

            try (MongoClient client = client(context, right)) {
                MongoCollection<Document> views = client.getDatabase("ledger").getCollection("views");
                views.insertOne(new Document("_id", "c-2"));
                assertThat(client.listDatabaseNames().into(new ArrayList<>())).contains("ledger");
                assertThat(views.find().first()).containsEntry("_id", "c-2");
                views.drop();
            }
        });
    }

    @Test
    void every_start_has_its_own_secret() {
        String[] passwords = new String[2];
        for (int start = 0; start < 2; start++) {
            int index = start;
            withEmbeddedStore(context -> passwords[index] = new String(context.getBean(MongoConnectionDetails.class)
                    .getConnectionString().getCredential().getPassword()));
        }
        assertThat(passwords[0]).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(passwords[1]);
    }

    private static MongoClient client(ApplicationContext context, MongoCredential credential) {
        InetSocketAddress address = context.getBean(MongoServer.class).getLocalAddress();
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://" + address.getHostString() + ":" + address.getPort()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS));
        if (credential != null) {
            settings.credential(credential);
        }
        return MongoClients.create(settings.build());
    }

    private static void assertUnauthorized(ThrowingCallable operation, String command) {
        Throwable failure = catchThrowable(operation);
        assertThat(failure).as(command).isInstanceOf(MongoCommandException.class);
        MongoCommandException refusal = (MongoCommandException) failure;
        assertThat(refusal.getErrorCode()).as(command).isEqualTo(13);
        assertThat(refusal.getErrorCodeName()).as(command).isEqualTo("Unauthorized");
        assertThat(refusal.getErrorMessage()).as(command).isEqualTo("command " + command + " requires authentication");
    }
}
