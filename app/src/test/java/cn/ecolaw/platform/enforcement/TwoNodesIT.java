package cn.ecolaw.platform.enforcement;

import static cn.ecolaw.platform.support.PlatformHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.TasklistDriver.Answer;
import cn.ecolaw.platform.identity.DemoUsers;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.ElasticsearchTestSupport;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PostgresTestSupport;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes (issue 14): the platform started twice, as two separate JVMs ({@code java -cp target/classes:<runtime
 * class path>} the application's main, {@code postgres} profile, ports of their own) on one PostgreSQL database and
 * one Elasticsearch, as Camunda 7 runs in production. The database is one of the test's own (created and dropped
 * here), so that no other test's engine works in it.
 *
 * <ol>
 *   <li>both nodes start at the same moment on the empty database: one schema, one deployment, one migration run;
 *   <li>a user logs in to the Tasklist on node A and works on node B with that session (Spring Session JDBC):
 *       the webapp login, its anti-forgery token and {@code /api} all work across nodes, and logging out on B ends
 *       the session on A;
 *   <li>cases are worked through both nodes as the Tasklist does (REST, form by form, round robin like a load
 *       balancer without stickiness); timers are fired by the job executors (their due dates moved to now); node A
 *       is killed with {@code kill -9} while it holds locked timer jobs and while requests are in flight: the
 *       "load balancer" retries on B, B takes over A's jobs when their locks expire (short lock time here), and
 *       every case ends PAID with each document exactly once, each timer fired once, the dossier archived once,
 *       every audit chain valid, nothing left in the search outbox and nothing failed.
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

  private static final Path APP = Path.of("").toAbsolutePath();
  private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
  /** The job lock time of both nodes: a job locked by a dead node is taken by the other after this. */
  private static final int LOCK_MILLIS = 5_000;
  /** What the README's load balancer asks each node (anonymous; the webapps' list of engines). */
  static final String HEALTH = "/camunda/api/engine/engine";
  /**
   * Enough timers that A (one job thread, up to 10 jobs per acquisition) still holds locks on the queued ones while it
   * works the first: with 3, a fast A finished them all between two looks (seen once the timer step got cheaper).
   */
  private static final int TIMER_CASES = 8;
  private static final int WORKED_CASES = 2;
  private static final String TIMER = "Timer_StatementWindow";
  private static final Map<String, String> USER_OF_GROUP = Map.of(
      "eco-officer", "officer1", "eco-legal", "legal1", "eco-head", "head1");
  private static final Map<String, Answer> PAYING = Map.of(
      "paidAmount", v -> v.number("fineAmount"),
      "paidDate", v -> Dates.today().toString());

  private static String database;
  private static String index;
  private static String jdbcUrl;
  private static Path dir;
  private static Node a;
  private static Node b;
  private static final Map<String, String> PIDS = new ConcurrentHashMap<>();

  @BeforeAll
  static void startTwoNodes() throws Exception {
    PostgresTestSupport.requireReachable();
    ElasticsearchTestSupport.requireReachable();
    Path classes = APP.resolve("target/classes");
    Path runtime = APP.resolve("target/runtime-classpath.txt");
    assertThat(runtime).as("runtime class path (maven-dependency-plugin, generate-test-resources)").exists();
    String classpath = classes + java.io.File.pathSeparator + Files.readString(runtime).strip();

    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
    database = "twonodes_" + stamp;
    try (Connection c = PostgresTestSupport.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("TwoNodesIT needs a database of its own: the test user may not CREATE DATABASE "
          + "(scripts/pg-test-server.sh creates the role with CREATEDB): " + e.getMessage(), e);
    }
    String base = PostgresTestSupport.url();
    jdbcUrl = base.substring(0, base.lastIndexOf('/') + 1) + database;
    dir = Files.createDirectories(APP.resolve("target/two-nodes/" + stamp));

    String es = ElasticsearchTestSupport.url();
    index = "ecocase-twonodes-" + stamp;
    a = new Node("node-a", freePort(), classpath, es, stamp,
        // A looks for due jobs often, locks many at a time and works them one by one: when it dies, jobs it
        // locked are still waiting; B looks every 3 s (both find every due job in the end)
        List.of("--camunda.bpm.job-execution.max-jobs-per-acquisition=10",
            "--camunda.bpm.job-execution.core-pool-size=1", "--camunda.bpm.job-execution.max-pool-size=1",
            "--camunda.bpm.job-execution.queue-capacity=20",
            "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=500"));
    b = new Node("node-b", freePort(), classpath, es, stamp,
        List.of("--camunda.bpm.job-execution.wait-time-in-millis=3000", "--camunda.bpm.job-execution.max-wait=3000"));
    // started together: the start-up lock makes them build the engine one after the other
    a.start();
    b.start();
    a.awaitUp();
    b.awaitUp();
    createUsers(a.admin);
  }

  @AfterAll
  static void stopNodes() {
    for (Node n : new Node[] {a, b}) {
      if (n != null) {
        n.kill();
      }
    }
    if (index != null) {
      try {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ElasticsearchTestSupport.url() + "/" + index))
            .DELETE().build(), HttpResponse.BodyHandlers.discarding());
      } catch (Exception e) {
        System.err.println("TwoNodesIT: index " + index + " not deleted: " + e);
      }
    }
    if (database != null) {
      try (Connection c = PostgresTestSupport.connect(); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      } catch (SQLException e) {
        System.err.println("TwoNodesIT: database " + database + " not dropped: " + e.getMessage());
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ start-up

  @Test
  @Order(1)
  void bothNodesStartedTogetherOnAnEmptyDatabaseAndMadeOneSchemaOneDeploymentOneMigrationRun() throws Exception {
    assertThat(a.admin.getOk("/engine-rest/process-definition?key=enforcement-case")).hasSize(1);
    assertThat(b.admin.getOk("/engine-rest/process-definition?key=enforcement-case")).hasSize(1);
    assertThat(query("SELECT COUNT(*) FROM act_re_deployment")).as("deployments").isEqualTo(1);
    assertThat(query("SELECT COUNT(*) FROM act_re_procdef WHERE version_ > 1")).as("second versions").isZero();
    assertThat(query("SELECT COUNT(*) - COUNT(DISTINCT version) FROM app_schema_history WHERE version IS NOT NULL"))
        .as("migrations run twice").isZero();
    assertThat(query("SELECT COUNT(*) FROM app_schema_history WHERE NOT success")).as("failed migrations").isZero();
    assertThat(query("SELECT COUNT(*) FROM act_id_user WHERE id_ = 'admin'")).isEqualTo(1);
    assertThat(query("""
        SELECT COUNT(*) FROM (SELECT 1 FROM act_ru_authorization
          GROUP BY type_, group_id_, user_id_, resource_type_, resource_id_ HAVING COUNT(*) > 1) d"""))
        .as("an authorization written twice").isZero();
    for (Node n : List.of(a, b)) {
      assertThat(n.admin.anonymous().get(HEALTH).status()).as("load balancer health check on %s", n.name)
          .isEqualTo(200);
    }
    assertThat(a.log()).contains("节点 node-a 取得启动锁");
    assertThat(b.log()).contains("节点 node-b 取得启动锁");
  }

  // ------------------------------------------------------------------------------------------------ sessions

  @Test
  @Order(2)
  void aTasklistSessionOpenedOnNodeAIsServedByNodeBWithItsAntiForgeryTokenAndEndsEverywhere() {
    Balancer lb = new Balancer();
    String caseNo = startCase(lb);
    WebSession s = new WebSession();

    s.send(a, "GET", "/camunda/app/tasklist/default/", null, null);
    HttpResponse<String> login = s.send(a, "POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=officer1&password=officer1", "application/x-www-form-urlencoded");
    assertThat(login.statusCode()).as("login on A: %s", login.body()).isEqualTo(200);

    HttpResponse<String> who = s.send(b, "GET", "/camunda/api/admin/auth/user/default", null, null);
    assertThat(who.statusCode()).as("the webapp session on B").isEqualTo(200);
    assertThat(who.body()).contains("\"officer1\"");
    JsonNode session = json(s.send(b, "GET", "/api/session", null, null).body());
    assertThat(session.path("userId").asText()).isEqualTo("officer1");

    // the Tasklist's own write on B, with the anti-forgery token issued on A
    String pid = PIDS.get(caseNo);
    JsonNode task = a.admin.getOk("/engine-rest/task?processInstanceId=" + pid).get(0);
    assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Task_ProposeFiling");
    TasklistDriver driver = new TasklistDriver(b.as("officer1"), TasklistRestTest.REQUIRED_ANSWERS);
    String body = PlatformHttp.json().valueToTree(Map.of("variables",
        dtos(driver.taskFormValues(task.path("id").asText(), Map.of())))).toString();
    String submit = "/camunda/api/engine/engine/default/task/" + task.path("id").asText() + "/submit-form";
    HttpResponse<String> done = s.send(b, "POST", submit, body, "application/json");
    assertThat(done.statusCode()).as("submit on B: %s", done.body()).isEqualTo(204);
    assertThat(lb.openTask(caseNo).path("taskDefinitionKey").asText()).isEqualTo("Task_ApproveFiling");
    JsonNode completed = null;
    for (JsonNode e : a.as("officer1").getOk("/api/cases/" + enc(caseNo) + "/trail").path("entries")) {
      if ("TASK_COMPLETED".equals(e.path("action").asText())) {
        completed = e;
      }
    }
    assertThat(completed).as("the trail records the completion").isNotNull();
    assertThat(completed.path("userId").asText()).as("done as the session's user").isEqualTo("officer1");

    // the case page's data on A through the same session
    HttpResponse<String> view = s.send(a, "GET", "/api/cases/" + enc(caseNo), null, null);
    assertThat(view.statusCode()).as("the case on A through the session: %s", view.body()).isEqualTo(200);

    // a write without the token on B is refused, and Camunda ends the session: on A as well
    HttpResponse<String> forged = s.sendWithoutToken(b, "POST", submit, body, "application/json");
    assertThat(forged.statusCode()).as("no anti-forgery token on B").isEqualTo(403);
    assertThat(s.send(a, "GET", "/camunda/api/admin/auth/user/default", null, null).statusCode())
        .as("the session ended on A too").isNotEqualTo(200);
    assertThat(s.send(a, "GET", "/api/session", null, null).statusCode()).isEqualTo(401);
  }

  // ------------------------------------------------------------------------------------------------ load and kill

  @Test
  @Order(3)
  void nodeAKilledMidLoadAndNodeBFinishesTheWorkWithNothingLostOrDoubled() throws Exception {
    long began = System.nanoTime();
    Balancer lb = new Balancer();
    WebSession head = new WebSession(); // head1 logged in on A before it dies
    head.send(a, "GET", "/camunda/app/tasklist/default/", null, null);
    assertThat(head.send(a, "POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=head1&password=head1", "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
    List<String> timerCases = new ArrayList<>();
    List<String> workedCases = new ArrayList<>();
    for (int i = 0; i < TIMER_CASES; i++) {
      timerCases.add(startCase(lb));
    }
    for (int i = 0; i < WORKED_CASES; i++) {
      workedCases.add(startCase(lb));
    }
    // the timer cases wait for the statement window (陈述申辩期满), worked through both nodes, side by side
    parallel(timerCases, caseNo -> lb.workUntil(caseNo, "Task_RecordStatement"));
    assertThat(lb.served.get("node-a")).as("requests served by A").isPositive();
    assertThat(lb.served.get("node-b")).as("requests served by B").isPositive();

    // load in flight: the worked cases go on through both nodes while A dies
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (String caseNo : workedCases) {
      Thread worker = new Thread(() -> {
        try {
          lb.workToEnd(caseNo);
        } catch (Throwable t) {
          failures.add(t);
        }
      }, "two-nodes-worker-" + caseNo);
      worker.start();
      workers.add(worker);
    }

    // the statement windows end now. B is frozen (SIGSTOP) until A has locked a timer job: B's job executor, when its
    // 3-second look falls just after the due dates move, may otherwise lock all of them before A looks (a full batch
    // makes it look again at once), and then A is never caught holding one. Requests to B wait meanwhile.
    b.signal("STOP");
    for (String caseNo : timerCases) {
      JsonNode job = a.admin.getOk("/engine-rest/job?processInstanceId=" + PIDS.get(caseNo) + "&activityId=" + TIMER)
          .get(0);
      PlatformHttp.Response r = a.admin.put("/engine-rest/job/" + job.path("id").asText() + "/duedate",
          Map.of("duedate", "2020-01-01T00:00:00.000+0800"));
      assertThat(r.status()).as("due date: %s", r.text()).isEqualTo(204);
    }
    // freeze A (SIGSTOP) while it holds a lock, confirm the lock is still held while it cannot move, then SIGKILL:
    // on a fast machine A may otherwise finish the job between the look and the kill
    // looked at every 2 ms: on a quiet machine A works a timer job in a few milliseconds
    try {
      awaitTrue(Duration.ofSeconds(90), "node-a frozen while holding a timer job's lock", 2, () -> {
        if (query("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ = 'node-a'") == 0) {
          return false;
        }
        a.signal("STOP");
        if (query("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ = 'node-a'") > 0) {
          return true;
        }
        a.signal("CONT");
        return false;
      });
    } finally {
      b.signal("CONT");
    }
    a.kill();
    lb.down(a);
    List<String> orphaned = strings("SELECT id_ FROM act_ru_job WHERE lock_owner_ = 'node-a'");
    assertThat(orphaned).as("jobs node-a had locked and not finished when it died").isNotEmpty();
    System.out.println("TwoNodesIT: node-a killed holding " + orphaned.size() + " locked job(s), B served "
        + lb.served.get("node-b") + " requests, A " + lb.served.get("node-a"));

    // the session opened on the dead node goes on on the survivor
    HttpResponse<String> survived = head.send(b, "GET", "/api/session", null, null);
    assertThat(survived.statusCode()).as("head1's session from A, on B").isEqualTo(200);
    assertThat(json(survived.body()).path("userId").asText()).isEqualTo("head1");

    for (Thread worker : workers) {
      worker.join(Duration.ofMinutes(4).toMillis());
      assertThat(worker.isAlive()).isFalse();
    }
    assertThat(failures).as("the worked cases through the balancer").isEmpty();
    // B takes over the jobs A locked once their locks expire, then the timer cases are worked to their end on B
    awaitTrue(Duration.ofSeconds(60 + LOCK_MILLIS / 1000), "the timers fired (B took over A's locked jobs)",
        () -> orphaned.stream().allMatch(id -> {
          try {
            return query("SELECT COUNT(*) FROM act_ru_job WHERE id_ = '" + id + "'") == 0;
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }) && query("SELECT COUNT(*) FROM act_hi_actinst WHERE act_id_ = '" + TIMER + "' AND end_time_ IS NOT NULL"
            + " AND proc_inst_id_ IN (" + in(timerCases.stream().map(PIDS::get).toList()) + ")") == TIMER_CASES);
    parallel(timerCases, lb::workToEnd);

    List<String> all = new ArrayList<>(timerCases);
    all.addAll(workedCases);
    // asynchronous work done (documents made by jobs, if any), dossiers archived, the search outbox shipped
    awaitTrue(Duration.ofSeconds(90), "jobs done, dossiers archived and the search outbox shipped", () ->
        query("SELECT COUNT(*) FROM act_ru_job WHERE duedate_ IS NULL OR duedate_ <= now()") == 0
            && query("SELECT COUNT(DISTINCT case_no) FROM case_dossier WHERE case_no IN (" + in(all) + ")") == all.size()
            && query("SELECT COUNT(*) FROM search_outbox") == 0);

    for (String caseNo : all) {
      String pid = PIDS.get(caseNo);
      JsonNode outcome = b.admin.getOk("/engine-rest/history/variable-instance?processInstanceId=" + pid
          + "&variableName=caseOutcome");
      assertThat(outcome.get(0).path("value").asText()).as("outcome of %s", caseNo).isEqualTo("PAID");
      assertThat(b.admin.getOk("/engine-rest/history/process-instance/" + pid).path("state").asText())
          .isEqualTo("COMPLETED");
      JsonNode trail = b.as("officer1").getOk("/api/cases/" + enc(caseNo) + "/trail");
      assertThat(trail.path("verification").path("valid").asBoolean()).as("audit chain of %s: %s", caseNo,
          trail.path("verification")).isTrue();
    }
    // each document exactly once: no second version of a type, and every case has the same set of documents
    assertThat(query("SELECT COUNT(*) FROM case_document WHERE version > 1 AND case_no IN (" + in(all) + ")"))
        .as("documents generated twice").isZero();
    Map<String, List<String>> documents = new TreeMap<>();
    for (String caseNo : all) {
      documents.put(caseNo, strings("SELECT doc_type FROM case_document WHERE case_no = '" + caseNo
          + "' ORDER BY doc_type"));
    }
    assertThat(documents.get(all.get(0))).contains("PENALTY_DECISION");
    assertThat(documents.values()).as("documents per case").allMatch(d -> d.equals(documents.get(all.get(0))));
    // each timer fired once
    for (String caseNo : timerCases) {
      assertThat(query("SELECT COUNT(*) FROM act_hi_actinst WHERE act_id_ = '" + TIMER + "' AND proc_inst_id_ = '"
          + PIDS.get(caseNo) + "'")).as("statement window timer of %s", caseNo).isEqualTo(1);
    }
    // archived once: a new version only for new content (documents made after the closing, if asynchronous)
    assertThat(query("SELECT COUNT(*) - COUNT(DISTINCT case_no || ':' || fingerprint) FROM case_dossier WHERE case_no IN ("
        + in(all) + ")")).as("the same dossier archived twice").isZero();
    assertThat(query("SELECT COUNT(*) FROM act_ru_incident")).as("incidents").isZero();
    assertThat(query("SELECT COUNT(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL")).as("failed jobs").isZero();
    // the search index caught up on the survivor
    for (String caseNo : all) {
      awaitTrue(Duration.ofSeconds(30), "case " + caseNo + " found in the index", () -> {
        PlatformHttp.Response r = b.as("officer1").get("/api/search?q=" + enc(caseNo));
        return r.ok() && r.json().path("hits").findValues("caseNo").stream().anyMatch(n -> caseNo.equals(n.asText()));
      });
    }
    System.out.printf("TwoNodesIT: %d cases, kill and take-over in %d s%n", all.size(),
        Duration.ofNanos(System.nanoTime() - began).toSeconds());
  }

  // ------------------------------------------------------------------------------------------------ driving

  /** Starts an enforcement case through the start form on the next node; returns its number. */
  private static String startCase(Balancer lb) {
    String caseNo = TestCases.caseNo();
    PlatformHttp.Response r = lb.call(http -> new TasklistDriver(http.as("officer1"), TasklistRestTest.REQUIRED_ANSWERS)
        .submitStart("enforcement-case", caseNo, new TasklistDriver(http.as("officer1"),
            TasklistRestTest.REQUIRED_ANSWERS).startFormValues("enforcement-case", TestCases.enterpriseWater())));
    assertThat(r.status()).as("start %s: %s", caseNo, r.text()).isEqualTo(200);
    PIDS.put(caseNo, r.json().path("id").asText());
    return caseNo;
  }

  /**
   * A load balancer without stickiness: each call goes to the next live node; a call that finds its node dead
   * (connection refused or cut) is sent again to another node. The work is idempotent because every step first
   * reads what is open now.
   */
  private static final class Balancer {
    private final List<Node> live = new CopyOnWriteArrayList<>(List.of(a, b));
    private final AtomicInteger next = new AtomicInteger();
    final Map<String, Integer> served = new ConcurrentHashMap<>(Map.of("node-a", 0, "node-b", 0));

    void down(Node node) {
      live.remove(node);
    }

    <T> T call(Function<PlatformHttp, T> work) {
      for (int attempt = 0; attempt < 6; attempt++) {
        List<Node> nodes = live;
        Node node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
        try {
          T result = work.apply(node.admin);
          served.merge(node.name, 1, Integer::sum);
          return result;
        } catch (UncheckedIOException e) {
          System.out.println("TwoNodesIT: " + node.name + " did not answer (" + e.getCause() + "), sent to another");
          if (!node.alive()) {
            live.remove(node);
          }
        }
      }
      throw new AssertionError("no node answered");
    }

    JsonNode openTaskOrNull(String caseNo) {
      return call(http -> {
        JsonNode tasks = http.getOk("/engine-rest/task?sortBy=created&sortOrder=asc&processInstanceId="
            + PIDS.get(caseNo));
        return tasks.isEmpty() ? null : tasks.get(0);
      });
    }

    JsonNode openTask(String caseNo) {
      JsonNode task = openTaskOrNull(caseNo);
      assertThat(task).as("open task of %s", caseNo).isNotNull();
      return task;
    }

    /** Completes the case's open tasks one by one until the given task is open. */
    void workUntil(String caseNo, String taskKey) {
      for (int step = 0; step < 40; step++) {
        JsonNode task = openTask(caseNo);
        if (taskKey.equals(task.path("taskDefinitionKey").asText())) {
          return;
        }
        complete(caseNo, task);
      }
      throw new AssertionError(caseNo + " never reached " + taskKey);
    }

    /**
     * Completes the case's open tasks until the case has ended; while no task is open (a job is due: a timer, an
     * asynchronous step, a job of the dead node waiting for its lock to expire) it waits, up to 4 minutes.
     */
    void workToEnd(String caseNo) {
      long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
      int completed = 0;
      while (!ended(caseNo)) {
        if (System.nanoTime() > deadline || completed > 60) {
          throw new AssertionError(caseNo + " did not end (" + completed + " tasks completed)");
        }
        JsonNode task = openTaskOrNull(caseNo);
        if (task == null) {
          sleepBriefly();
          continue;
        }
        complete(caseNo, task);
        completed++;
      }
    }

    private void complete(String caseNo, JsonNode task) {
      String taskId = task.path("id").asText();
      String taskKey = task.path("taskDefinitionKey").asText();
      String user = USER_OF_GROUP.getOrDefault(TasklistDriver.CANDIDATE_GROUPS.get(taskKey), "admin");
      PlatformHttp.Response r = call(http -> {
        TasklistDriver driver = new TasklistDriver(http.as(user), TasklistRestTest.REQUIRED_ANSWERS);
        return driver.submitTask(taskId, driver.taskFormValues(taskId, PAYING));
      });
      // 404: completed by a request whose answer was lost with node A
      assertThat(r.status()).as("%s of %s by %s: %s", taskKey, caseNo, user, r.text()).isIn(204, 404);
    }
  }

  /** Works each case in a thread of its own (the users of a bureau working at the same time). */
  private static void parallel(List<String> caseNos, java.util.function.Consumer<String> work) throws Exception {
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (String caseNo : caseNos) {
      Thread t = new Thread(() -> {
        try {
          work.accept(caseNo);
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "two-nodes-" + caseNo);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join(Duration.ofMinutes(4).toMillis());
    }
    if (!failures.isEmpty()) {
      AssertionError e = new AssertionError("working " + caseNos + ": " + failures.get(0), failures.get(0));
      failures.stream().skip(1).forEach(e::addSuppressed);
      throw e;
    }
  }

  private static boolean ended(String caseNo) {
    try {
      return query("SELECT COUNT(*) FROM act_hi_procinst WHERE id_ = '" + PIDS.get(caseNo) + "' AND end_time_ IS NOT "
          + "NULL") > 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> dtos(Map<String, Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      Map<String, Object> dto = new HashMap<>();
      dto.put("value", v);
      out.put(k, dto);
    });
    return out;
  }

  // ------------------------------------------------------------------------------------------------ web session

  /** A browser's cookies (the session and the webapps' XSRF-TOKEN), sent to whichever node. */
  private static final class WebSession {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> send(Node node, String method, String path, String body, String contentType) {
      return send(node, method, path, body, contentType, true);
    }

    HttpResponse<String> sendWithoutToken(Node node, String method, String path, String body, String contentType) {
      return send(node, method, path, body, contentType, false);
    }

    private HttpResponse<String> send(Node node, String method, String path, String body, String contentType,
        boolean token) {
      HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port + path))
          .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, text/plain, */*")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (contentType != null) {
        r.header("Content-Type", contentType);
      }
      if (!cookies.isEmpty()) {
        r.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .toList()));
      }
      if (token && cookies.containsKey("XSRF-TOKEN")) {
        r.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
      }
      try {
        HttpResponse<String> response = client.send(r.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
          String pair = set.split(";", 2)[0];
          int eq = pair.indexOf('=');
          String name = pair.substring(0, eq).strip();
          String value = pair.substring(eq + 1).strip();
          if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
            cookies.remove(name);
          } else {
            cookies.put(name, value);
          }
        }
        return response;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ nodes

  /** One application node: a JVM of its own, killed with SIGKILL ({@link Process#destroyForcibly}). */
  private static final class Node {
    final String name;
    final int port;
    final PlatformHttp admin;
    private final List<String> command = new ArrayList<>();
    private final Path log;
    private Process process;

    Node(String name, int port, String classpath, String elasticsearch, String stamp, List<String> extra) {
      this.name = name;
      this.port = port;
      this.admin = new PlatformHttp(port);
      this.log = dir.resolve(name + ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      command.addAll(List.of(java, "-Xmx640m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai", "-cp", classpath,
          "cn.ecolaw.platform.CasePlatformApplication",
          "--spring.profiles.active=postgres",
          "--server.port=" + port,
          "--platform.cluster.node-name=" + name,
          "--platform.search.url=" + elasticsearch,
          "--platform.search.index=" + index,
          // the key and the checkpoints are on a volume both nodes share
          "--platform.audit.key-file=" + dir.resolve("audit.key"),
          "--platform.audit.checkpoint-file=" + dir.resolve("audit-checkpoints.log"),
          "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
          "--platform.dossier.auto-archive=true"));
      command.addAll(extra);
    }

    void start() throws IOException {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).directory(dir.toFile());
      pb.environment().put("POSTGRES_URL", jdbcUrl);
      pb.environment().put("POSTGRES_USER", PostgresTestSupport.user());
      pb.environment().put("POSTGRES_PASSWORD", PostgresTestSupport.password());
      process = pb.start();
    }

    void awaitUp() throws Exception {
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError(name + " exited at start (" + process.exitValue() + "):\n" + tail());
        }
        if (log().contains("释放启动锁")) {
          try {
            if (admin.get("/engine-rest/engine").ok()) {
              return;
            }
          } catch (UncheckedIOException e) {
            // not listening yet
          }
        }
        Thread.sleep(500);
      }
      throw new AssertionError(name + " did not start within " + START_TIMEOUT + ":\n" + tail());
    }

    boolean alive() {
      return process != null && process.isAlive();
    }

    PlatformHttp as(String user) {
      return admin.as(user);
    }

    /** Sends a signal to the node's JVM ({@code STOP} freezes it, {@code CONT} lets it go on). */
    void signal(String signal) throws IOException, InterruptedException {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
      assertThat(kill.waitFor()).as("kill -%s %s", signal, name).isZero();
    }

    void kill() {
      if (process != null && process.isAlive()) {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
        try {
          process.waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    String log() {
      try {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      } catch (IOException e) {
        return "";
      }
    }

    String tail() {
      List<String> lines = log().lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** The demo units, groups and users (password = user name), created through node A's REST API as admin. */
  private static void createUsers(PlatformHttp admin) {
    Set<String> groups = new java.util.HashSet<>();
    for (DemoUsers.Unit unit : DemoUsers.UNITS) {
      admin.postOk("/engine-rest/group/create", Map.of("id", unit.id(), "name", unit.name(), "type", "UNIT"));
    }
    for (DemoUsers.Role role : DemoUsers.ROLES) {
      if (Logins.ADMIN.equals(role.userId())) {
        continue; // camunda.bpm.admin-user, created at start
      }
      if (groups.add(role.group())) {
        admin.postOk("/engine-rest/group/create", Map.of("id", role.group(), "name", role.groupName(),
            "type", "WORKFLOW"));
      }
      admin.postOk("/engine-rest/user/create", Map.of(
          "profile", Map.of("id", role.userId(), "firstName", role.firstName(), "lastName", role.lastName(),
              "email", role.userId() + "@demo.ecolaw.cn"),
          "credentials", Map.of("password", role.userId())));
      for (String g : List.of(role.group(), role.unit())) {
        PlatformHttp.Response r = admin.put("/engine-rest/group/" + g + "/members/" + role.userId(), Map.of());
        assertThat(r.status()).as("membership %s in %s: %s", role.userId(), g, r.text()).isEqualTo(204);
      }
    }
  }

  private static long query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, PostgresTestSupport.user(),
        PostgresTestSupport.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> strings(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, PostgresTestSupport.user(),
        PostgresTestSupport.password()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return Collections.unmodifiableList(out);
    }
  }

  private static String in(List<String> caseNos) {
    return String.join(",", caseNos.stream().map(c -> "'" + c.replace("'", "''") + "'").toList());
  }

  private static JsonNode json(String text) {
    try {
      return PlatformHttp.json().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface Check {
    boolean holds() throws Exception;
  }

  private static void awaitTrue(Duration timeout, String what, Check check) throws Exception {
    awaitTrue(timeout, what, 100, check);
  }

  private static void awaitTrue(Duration timeout, String what, long pollMillis, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (check.holds()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what + "\n--- node-b:\n" + b.tail());
      }
      Thread.sleep(pollMillis);
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
