import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts one or more Neo4j Community servers for Yulian's tests and development, each in its own
 * folder under the given root and with Bolt on a free loopback port, prints one line
 * "NEO4J_URI_<n>=bolt://127.0.0.1:<port>" per server and then "READY", and stops cleanly when it is
 * sent SIGTERM or SIGINT or when its standard input closes (so a parent that dies never leaves it
 * behind). Authentication is off: the servers listen on loopback only and hold throw-away data.
 *
 * Usage: java -cp <neo4j class path> Neo4jTestServer <data root> [servers=1] [page cache MB=128]
 *   [transaction memory MB=0, no limit of its own: each transaction's db.memory.transaction.max]
 */
public final class Neo4jTestServer {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: Neo4jTestServer <data root> [servers] [page cache MB] [transaction memory MB]");
      System.exit(2);
    }
    Path root = Path.of(args[0]).toAbsolutePath();
    int servers = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    long pageCacheMb = args.length > 2 ? Long.parseLong(args[2]) : 128;
    long transactionMb = args.length > 3 ? Long.parseLong(args[3]) : 0;

    List<DatabaseManagementService> started = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started), "neo4j-test-server-stop"));
    for (int n = 1; n <= servers; n++) {
      Path home = root.resolve("server-" + n);
      Files.createDirectories(home);
      DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          // Port 0: the system picks a free port; it is read back below.
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
          .setConfig(GraphDatabaseSettings.auth_enabled, false)
          .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
          // Tests run long imports inside one transaction; the server's own default has no limit either.
          .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ZERO)
          .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(transactionMb))
          .build();
      started.add(dbms);
      GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      int port = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
          .getLocalAddress(ConnectorType.BOLT).getPort();
      System.out.println("NEO4J_URI_" + n + "=bolt://127.0.0.1:" + port);
    }
    System.out.println("READY");
    System.out.flush();
    waitForStdinToClose(System.in);
    // The shutdown hook stops the servers.
    System.exit(0);
  }

  private static void waitForStdinToClose(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // Input is ignored; only its end matters.
      }
    } catch (IOException ignored) {
      // A broken pipe is an end too.
    }
  }

  private static void stopAll(List<DatabaseManagementService> started) {
    for (DatabaseManagementService dbms : started) {
      try {
        dbms.shutdown();
      } catch (RuntimeException e) {
        System.err.println("stopping a Neo4j test server failed: " + e);
      }
    }
  }
}
