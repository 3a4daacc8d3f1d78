package cn.ecolaw.platform.enforcement;

import static cn.ecolaw.platform.support.PlatformHttp.enc;

import cn.ecolaw.platform.enforcement.TasklistDriver.Answer;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Benchmark 1 of issue 14 (bench/case-flow-pg-bench.sh), not a test: whole enforcement cases on PostgreSQL, the
 * platform against a bare Camunda 7.24 running the same BPMN with no-op delegates, side by side in one run.
 *
 * <p>Starts two server JVMs from the test classpath: the platform ({@code CasePlatformApplication}, profile
 * {@code postgres}, job executor on, every plugin, the form guard) and {@code cn.ecolaw.bench.bare.BareCamundaApp}
 * (engine + REST only), each on its own database of the same PostgreSQL. Then drives cases through
 * {@code /engine-rest} exactly as the Tasklist does (start form; per task: the deployed form, the form variables, the
 * submit-form of the required fields, untyped values; HTTP Basic as the user of the task's candidate group), with
 * {@code clients} concurrent clerks; half the cases end PAID, half COURT_ENFORCEMENT (payment not made: the remedy
 * period and the reminder period run out — their timers fired through REST — the court application is approved, and
 * the court's non-litigation-execution is worked to an execution by the court). Rounds alternate bare / platform;
 * per target it reports cases/s, the server JVM's CPU time per case and PostgreSQL's transactions and rows per case.
 *
 * <p>Arguments: {@code casesPerRound clients rounds}. System properties: {@code bench.pgPort}, {@code bench.appPort},
 * {@code bench.platformJavaOpts} (e.g. a JFR recording), {@code bench.logDir}.
 */
public final class CaseFlowPgBench {

  /** BASELINE: a second platform with other arguments (bench.baselineArgs), e.g. before an optimisation. */
  enum Target { BARE, PLATFORM, BASELINE }

  private static final Map<String, String> USERS = Map.of(
      "eco-officer", "officer1", "eco-head", "head1", "eco-legal", "legal1",
      "court-filing", "filing1", "court-judge", "judge1", "court-enforcement", "exec1");

  private static final Map<String, Answer> PAYING = Map.of(
      "paidAmount", v -> v.number("fineAmount"),
      "paidDate", v -> cn.ecolaw.platform.shared.Dates.today().toString());

  private final int pgPort = Integer.getInteger("bench.pgPort", 55452);
  private final Path logDir = Path.of(System.getProperty("bench.logDir", "target/bench-logs"));
  private final Map<Target, Server> servers = new LinkedHashMap<>();
  /** Cases worked per target since pg_stat_statements was last reset (at the start of each platform round). */
  private final Map<Target, Integer> casesSinceReset = new java.util.concurrent.ConcurrentHashMap<>();

  record Server(Target target, Process process, int port, String database) {}

  record Round(Target target, int cases, double seconds, double cpuSeconds, long commits, long rows,
      long statements) {}

  public static void main(String[] args) throws Exception {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    CaseFlowPgBench bench = new CaseFlowPgBench();
    try {
      bench.run(cases, clients, rounds);
    } catch (Exception e) {
      e.printStackTrace();
      bench.stop();
      System.exit(1); // the clerks' pool threads would keep the JVM alive
    } finally {
      bench.stop();
    }
    System.exit(0);
  }

  private void run(int cases, int clients, int rounds) throws Exception {
    Files.createDirectories(logDir);
    createDatabase("barecamunda");
    long t0 = System.nanoTime();
    servers.put(Target.PLATFORM, launch(Target.PLATFORM, Integer.getInteger("bench.appPort", 18452), "caseplatform"));
    servers.put(Target.BARE, launch(Target.BARE, freePort(), "barecamunda"));
    if (!System.getProperty("bench.baselineArgs", "").isBlank()) {
      createDatabase("baseline");
      servers.put(Target.BASELINE, launch(Target.BASELINE, freePort(), "baseline"));
    }
    for (Server s : servers.values()) {
      awaitReady(s);
    }
    System.out.printf("servers up in %.1fs%n", (System.nanoTime() - t0) / 1e9);
    for (Server s : servers.values()) {
      if (s.target() != Target.BARE) {
        createUsers(new PlatformHttp(s.port()));
      }
    }

    // warm-up: each path on each target (JIT, caches, first documents); bench.warmup cases per target (default 4:
    // C2 has then compiled only part of the hot code on 2 cores; 40+ for warm figures)
    List<Target> targets = new ArrayList<>(servers.keySet());
    int warmup = Math.max(Integer.getInteger("bench.warmup", 4), clients);
    for (Target t : targets) {
      round(t, warmup, clients);
    }
    String jfr = System.getProperty("bench.jfr", "");
    if (!jfr.isBlank()) {
      jcmd(servers.get(Target.PLATFORM), "JFR.start", "name=bench", "settings=profile", "filename=" + jfr);
    }
    List<Round> results = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      List<Target> order = new ArrayList<>(targets);
      java.util.Collections.rotate(order, r); // each target in turn first, so that drift hits all alike
      for (Target t : order) {
        Round round = round(t, cases, clients);
        results.add(round);
        System.out.printf("round %d %-8s cases=%d %.2f cases/s cpu/case=%.0fms commits/case=%.0f rows/case=%.0f"
            + " statements/case=%.0f%n", r + 1, t, round.cases(), round.cases() / round.seconds(),
            round.cpuSeconds() * 1000 / round.cases(), (double) round.commits() / round.cases(),
            (double) round.rows() / round.cases(), (double) round.statements() / round.cases());
      }
    }
    if (!jfr.isBlank()) {
      jcmd(servers.get(Target.PLATFORM), "JFR.stop", "name=bench");
    }
    Map<Target, double[]> sum = new LinkedHashMap<>();
    for (Round r : results) {
      double[] s = sum.computeIfAbsent(r.target(), k -> new double[6]);
      s[5] += r.statements();
      s[0] += r.cases();
      s[1] += r.seconds();
      s[2] += r.cpuSeconds();
      s[3] += r.commits();
      s[4] += r.rows();
    }
    double[] b = sum.get(Target.BARE);
    double[] p = sum.get(Target.PLATFORM);
    double bareRate = b[0] / b[1];
    double platformRate = p[0] / p[1];
    System.out.printf("platform arguments: %s%n", System.getProperty("bench.platformArgs", ""));
    double[] base = sum.get(Target.BASELINE);
    if (base != null) {
      System.out.printf("BASELINE (%s) %.2f cases/s ratio(bare/baseline)=%.2f cpuPerCase=%.0fms sqlStatementsPerCase=%.0f"
              + " pgCommitsPerCase=%.0f; platform/baseline throughput=%.2f%n",
          System.getProperty("bench.baselineArgs"), base[0] / base[1], bareRate / (base[0] / base[1]),
          base[2] * 1000 / base[0], base[5] / base[0], base[3] / base[0], platformRate / (base[0] / base[1]));
    }
    System.out.printf("RESULT cases=%d/target clients=%d platform=%.2f cases/s bare=%.2f cases/s ratio(bare/platform)=%.2f"
            + " cpuPerCase{platform=%.0fms,bare=%.0fms,ratio=%.2f} pgCommitsPerCase{platform=%.0f,bare=%.0f}"
            + " pgRowsWrittenPerCase{platform=%.0f,bare=%.0f} sqlStatementsPerCase{platform=%.0f,bare=%.0f}%n",
        (int) p[0], clients, platformRate, bareRate, bareRate / platformRate, p[2] * 1000 / p[0], b[2] * 1000 / b[0],
        (p[2] / p[0]) / (b[2] / b[0]), p[3] / p[0], b[3] / b[0], p[4] / p[0], b[4] / b[0],
        p[5] / p[0], b[5] / b[0]);
    for (Server s : servers.values()) {
      topStatements(s, Integer.getInteger("bench.topStatements", 40));
    }
  }

  // ------------------------------------------------------------------------------------------------ a round

  private Round round(Target target, int cases, int clients) throws Exception {
    Server server = servers.get(target);
    if (target == Target.PLATFORM) {
      resetStatements(); // the statement lists printed at the end start with the last platform round
      casesSinceReset.clear();
    }
    long[] db0 = dbStats(server.database());
    double cpu0 = cpuSeconds(server.process());
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        Clerk clerk = new Clerk(target, server.port());
        for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
          clerk.workCase(i % 2 == 0);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    double cpu = cpuSeconds(server.process()) - cpu0;
    casesSinceReset.merge(target, cases, Integer::sum);
    Thread.sleep(1200); // PostgreSQL flushes its per-database counters about once a second
    long[] db1 = dbStats(server.database());
    return new Round(target, cases, seconds, cpu, db1[0] - db0[0], db1[1] - db0[1], db1[2] - db0[2]);
  }

  /** One clerk's session: works cases one after another through the REST API. */
  private static final class Clerk {

    private final Target target;
    private final PlatformHttp admin;
    private final Map<String, TasklistDriver> drivers = new HashMap<>();

    Clerk(Target target, int port) {
      this.target = target;
      this.admin = new PlatformHttp(port);
      USERS.forEach((group, user) -> drivers.put(group,
          new TasklistDriver(admin.as(user), TasklistRestTest.REQUIRED_ANSWERS)));
    }

    void workCase(boolean pays) {
      String caseNo = TestCases.caseNo();
      TasklistDriver officer = drivers.get("eco-officer");
      Map<String, Object> start = officer.startFormValues(CaseLauncher.PROCESS_KEY, TestCases.enterpriseWater());
      PlatformHttp.Response started = officer.submitStart(CaseLauncher.PROCESS_KEY, caseNo, values(start));
      expect(started, 200, "start " + caseNo);
      String pid = started.json().get("id").asText();
      List<String> instances = new ArrayList<>(List.of(pid));
      long giveUp = System.currentTimeMillis() + 600_000; // a case's asynchronous steps may queue on a loaded machine
      int idle = 0;
      for (int step = 0; step < 100 || System.currentTimeMillis() < giveUp; step++) {
        JsonNode tasks = admin.getOk("/engine-rest/task?sortBy=created&sortOrder=asc&processInstanceIdIn="
            + String.join(",", instances));
        if (tasks.isEmpty()) {
          if (ended(pid)) {
            checkOutcome(pid, pays ? "PAID" : "COURT_ENFORCEMENT");
            return;
          }
          if (!pays && instances.size() == 1) {
            JsonNode court = admin.getOk("/engine-rest/process-instance?processDefinitionKey=non-litigation-execution"
                + "&variables=" + enc("caseNo_eq_" + caseNo));
            court.forEach(pi -> instances.add(pi.get("id").asText()));
          }
          // an asynchronous continuation (job executor) is still running: look again a little later, as a clerk
          // refreshing the Tasklist would (polling every few milliseconds would load the server with the client's
          // own queries and be charged to the platform)
          sleep(Math.min(200, 20L << Math.min(idle++, 4)));
          continue;
        }
        idle = 0;
        JsonNode task = tasks.get(0);
        String key = task.get("taskDefinitionKey").asText();
        String taskId = task.get("id").asText();
        if (!pays && key.equals("Task_MonitorPayment")) {
          fireTimer(pid, "Timer_RemedyPeriodEnds");
        } else if (!pays && key.equals("Task_AwaitReminderResponse")) {
          fireTimer(pid, "Timer_ReminderPeriod");
        } else {
          TasklistDriver clerk = drivers.get(TasklistDriver.CANDIDATE_GROUPS.get(key));
          if (clerk == null) {
            throw new IllegalStateException("no clerk for " + key);
          }
          Map<String, Object> values = clerk.taskFormValues(taskId, pays ? PAYING : Map.of());
          expect(clerk.submitTask(taskId, values(values)), 204, key + " of " + caseNo);
        }
      }
      throw new IllegalStateException("case " + caseNo + " did not end");
    }

    /**
     * The Tasklist's values; the bare engine has no form guard to turn a radio group's "true" into a Boolean, so
     * its clerk sends JSON booleans (the same request otherwise).
     */
    private Map<String, Object> values(Map<String, Object> values) {
      if (target != Target.BARE) {
        return values;
      }
      Map<String, Object> out = new LinkedHashMap<>(values);
      out.replaceAll((k, v) -> "true".equals(v) ? Boolean.TRUE : "false".equals(v) ? Boolean.FALSE : v);
      return out;
    }

    private void fireTimer(String pid, String activityId) {
      JsonNode jobs = admin.getOk("/engine-rest/job?processInstanceId=" + pid + "&activityId=" + activityId);
      if (jobs.size() != 1) {
        throw new IllegalStateException("timer " + activityId + ": " + jobs);
      }
      expect(admin.post("/engine-rest/job/" + jobs.get(0).get("id").asText() + "/execute", Map.of()), 204,
          "timer " + activityId);
    }

    private boolean ended(String pid) {
      return admin.get("/engine-rest/process-instance/" + pid).status() == 404;
    }

    private void checkOutcome(String pid, String outcome) {
      JsonNode v = admin.getOk("/engine-rest/history/variable-instance?processInstanceId=" + pid
          + "&variableName=caseOutcome");
      if (v.size() != 1 || !outcome.equals(v.get(0).path("value").asText())) {
        throw new IllegalStateException("case " + pid + " ended " + v + ", expected " + outcome);
      }
    }
  }

  private static void expect(PlatformHttp.Response r, int status, String what) {
    if (r.status() != status) {
      throw new IllegalStateException(what + ": " + r.status() + " " + r.text());
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------------------------ servers

  /** Runs jcmd against a server JVM (JFR over the measured rounds only, not the start-up and warm-up). */
  private static void jcmd(Server s, String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("jcmd", String.valueOf(s.process().pid())));
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + cmd + ": " + out);
    }
  }

  private Server launch(Target target, int port, String database) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseParallelGC", "-Duser.timezone=Asia/Shanghai",
        "-Dfile.encoding=UTF-8", "-Dlogging.config=" + System.getProperty("logback.configurationFile", "")));
    String opts = System.getProperty("bench." + target.name().toLowerCase() + "JavaOpts", "")
        + " -XX:FlightRecorderOptions:stackdepth=256";
    if (!opts.isBlank()) {
      cmd.addAll(List.of(opts.trim().split("\\s+")));
    }
    String classpath = System.getProperty("java.class.path");
    if (target != Target.BARE) {
      // the platform as deployed: without the test classes, whose components (e.g. documents.GeneratedPdfReadBack,
      // which reads every generated PDF back in every Spring test) the component scan would otherwise pick up
      classpath = Arrays.stream(classpath.split(File.pathSeparator))
          .filter(e -> !e.replace('\\', '/').endsWith("/test-classes"))
          .collect(Collectors.joining(File.pathSeparator));
    }
    cmd.addAll(List.of("-cp", classpath));
    String url = "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    if (target != Target.BARE) {
      cmd.addAll(List.of("cn.ecolaw.platform.CasePlatformApplication", "--spring.profiles.active=postgres",
          "--server.port=" + port));
      String args = System.getProperty(target == Target.PLATFORM ? "bench.platformArgs" : "bench.baselineArgs", "");
      if (!args.isBlank()) {
        cmd.addAll(List.of(args.trim().split("\\s+")));
      }
    } else {
      cmd.addAll(List.of("cn.ecolaw.bench.bare.BareCamundaApp", "--server.port=" + port,
          "--spring.datasource.url=" + url, "--spring.datasource.username=caseplatform",
          "--spring.datasource.password=caseplatform"));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(logDir.resolve(target.name().toLowerCase() + ".log").toFile());
    pb.environment().put("POSTGRES_URL", url);
    pb.environment().put("POSTGRES_USER", "caseplatform");
    pb.environment().put("POSTGRES_PASSWORD", "caseplatform");
    return new Server(target, pb.start(), port, database);
  }

  private void awaitReady(Server s) {
    PlatformHttp http = new PlatformHttp(s.port());
    long deadline = System.currentTimeMillis() + 900_000; // three servers starting at once on a loaded machine
    while (System.currentTimeMillis() < deadline) {
      if (!s.process().isAlive()) {
        throw new IllegalStateException(s.target() + " exited; see " + logDir.resolve(s.target().name().toLowerCase() + ".log"));
      }
      try {
        if (http.get("/engine-rest/process-definition/key/non-litigation-execution").status() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // connection refused while starting
      }
      sleep(500);
    }
    throw new IllegalStateException(s.target() + " did not start");
  }

  private void stop() {
    for (Server s : servers.values()) {
      s.process().destroy();
    }
    for (Server s : servers.values()) {
      try {
        if (!s.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          s.process().destroyForcibly();
        }
      } catch (InterruptedException e) {
        s.process().destroyForcibly();
      }
    }
  }

  /** The platform's users of the six candidate groups and their units (the postgres profile has no demo users). */
  private static void createUsers(PlatformHttp admin) {
    Map<String, String> units = Map.of("unit-bureau", "湖州市生态环境局", "unit-court", "湖州市吴兴区人民法院");
    units.forEach((id, name) -> admin.post("/engine-rest/group/create", Map.of("id", id, "name", name, "type", "UNIT")));
    USERS.forEach((group, user) -> {
      admin.post("/engine-rest/group/create", Map.of("id", group, "name", group, "type", "WORKFLOW"));
      admin.post("/engine-rest/user/create", Map.of(
          "profile", Map.of("id", user, "firstName", user, "lastName", "基准", "email", user + "@bench.ecolaw.cn"),
          "credentials", Map.of("password", user)));
      admin.put("/engine-rest/group/" + group + "/members/" + user, Map.of());
      admin.put("/engine-rest/group/" + (group.startsWith("eco") ? "unit-bureau" : "unit-court") + "/members/" + user,
          Map.of());
    });
  }

  // ------------------------------------------------------------------------------------------------ figures

  /** utime + stime of the process, from /proc (Linux). */
  private static double cpuSeconds(Process p) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  /** PostgreSQL's counters of a database: committed transactions, rows written, statements executed. */
  private long[] dbStats(String database) throws SQLException {
    try (Connection c = superuser(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT xact_commit, tup_inserted + tup_updated + tup_deleted,"
            + " (SELECT coalesce(sum(calls), 0) FROM pg_stat_statements st WHERE st.dbid = d.datid)"
            + " FROM pg_stat_database d WHERE datname = '" + database + "'")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
  }

  private Connection superuser() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres",
        "caseplatform");
  }

  private void resetStatements() throws SQLException {
    try (Connection c = superuser(); Statement s = c.createStatement()) {
      s.execute("SELECT pg_stat_statements_reset()");
    }
  }

  /**
   * A server's statements since the last platform round began, most frequent first, with calls per case (the
   * platform's last round; the other targets' rounds after it).
   */
  private void topStatements(Server server, int limit) throws SQLException {
    int cases = casesSinceReset.getOrDefault(server.target(), 0);
    if (cases == 0 || limit <= 0) {
      return;
    }
    try (Connection c = superuser(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT calls, round(total_exec_time::numeric, 1), left(regexp_replace(query,"
            + " '\\s+', ' ', 'g'), 160) FROM pg_stat_statements st JOIN pg_database d ON d.oid = st.dbid"
            + " WHERE d.datname = '" + server.database() + "' ORDER BY calls DESC LIMIT " + limit)) {
      System.out.printf("%s statements over its last %d cases (calls, calls per case, total ms, statement):%n",
          server.target(), cases);
      while (rs.next()) {
        System.out.printf("%7d %7.1f %9s  %s%n", rs.getLong(1), rs.getLong(1) / (double) cases, rs.getString(2),
            rs.getString(3));
      }
    }
  }

  private void createDatabase(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
        "postgres", "caseplatform"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name + " OWNER caseplatform ENCODING 'UTF8' TEMPLATE template0");
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
