import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tasklist, case page and case list latencies against a running app (bench/tasklist-scale-bench.sh starts it on the
 * generated PostgreSQL): the REST calls the Tasklist webapp makes for each filter the demo defines, as the filter's
 * users, and the case page's and case list's /api calls. One client, requests one after the other (keep-alive),
 * one unmeasured request then SAMPLES measured ones per call; a call slower than 1 s is measured 3 times, one slower
 * than 5 s once (its first call). Prints one line per call: name, p50, p95, max (ms), samples, HTTP status, response size.
 * Usage: java TasklistScaleBench.java BASE_URL SAMPLES OPEN_CASE FINISHED_CASE [USERS, comma-separated]
 */
public class TasklistScaleBench {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static String base;
  static int samples;
  static final List<String> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    base = args[0];
    samples = Integer.parseInt(args[1]);
    String openCase = args[2];
    String finishedCase = args[3];
    // "-": no Tasklist calls (case page and case list only)
    String[] users = args.length > 4 && "-".equals(args[4]) ? new String[0]
        : (args.length > 4 ? args[4] : "officer1,legal1,head1,filing1,judge1,exec1").split(",");
    // filters: id -> name
    Map<String, String> filters = new LinkedHashMap<>();
    String list = call("admin", "GET", "/engine-rest/filter?resourceType=Task", null, "application/json").body();
    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\",\"resourceType\":\"Task\",\"name\":\"([^\"]+)\"").matcher(list);
    while (m.find()) {
      filters.put(m.group(1), m.group(2));
    }
    System.out.println("# filters: " + filters.values());
    String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    for (String user : users) {
      measure("tasklist filter list with counts", user, "GET", "/engine-rest/filter?resourceType=Task&itemCount=true", null, "application/json");
      String firstTask = null;
      for (Map.Entry<String, String> f : filters.entrySet()) {
        String id = f.getValue();
        measure("filter " + id + ": list (15, HAL, variables)", user, "POST",
            "/engine-rest/filter/" + f.getKey() + "/list?firstResult=0&maxResults=15", body, "application/hal+json");
        measure("filter " + id + ": count", user, "POST", "/engine-rest/filter/" + f.getKey() + "/count", body, "application/json");
        if (firstTask == null) {
          String tasks = call(user, "POST", "/engine-rest/filter/" + f.getKey() + "/list?firstResult=0&maxResults=1", body,
              "application/json").body();
          Matcher t = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(tasks);
          firstTask = t.find() ? t.group(1) : null;
        }
      }
      if (firstTask != null) {
        measure("task", user, "GET", "/engine-rest/task/" + firstTask, null, "application/json");
        measure("task form variables", user, "GET", "/engine-rest/task/" + firstTask + "/form-variables", null, "application/json");
        measure("task deployed form", user, "GET", "/engine-rest/task/" + firstTask + "/deployed-form", null, "application/json");
      }
    }
    for (String[] c : new String[][] {{"open", openCase}, {"finished", finishedCase}}) {
      String no = enc(c[1]);
      measure("case page (" + c[0] + "): case", "officer1", "GET", "/api/cases/" + no, null, "application/json");
      measure("case page (" + c[0] + "): timeline", "officer1", "GET", "/api/cases/" + no + "/timeline", null, "application/json");
      measure("case page (" + c[0] + "): documents", "officer1", "GET", "/api/cases/" + no + "/documents", null, "application/json");
      measure("case page (" + c[0] + "): trail", "officer1", "GET", "/api/cases/" + no + "/trail", null, "application/json");
      measure("case page (" + c[0] + "): checks", "officer1", "GET", "/api/cases/" + no + "/checks", null, "application/json");
    }
    for (String user : new String[] {"officer1", "judge1"}) {
      measure("case list", user, "GET", "/api/workspace/cases", null, "application/json");
      measure("case list ?q=恒通", user, "GET", "/api/workspace/cases?q=" + enc("恒通"), null, "application/json");
      measure("case list ?status=CLOSED", user, "GET", "/api/workspace/cases?status=CLOSED", null, "application/json");
      measure("case list ?flow=non-litigation-execution", user, "GET", "/api/workspace/cases?flow=non-litigation-execution", null, "application/json");
      measure("case list ?due=overdue", user, "GET", "/api/workspace/cases?due=overdue", null, "application/json");
      measure("case list ?region=吴兴", user, "GET", "/api/workspace/cases?region=" + enc("吴兴"), null, "application/json");
    }
    System.out.println("RESULT | call | user | p50 ms | p95 ms | max ms | n | status | bytes");
    rows.forEach(System.out::println);
  }

  static void measure(String name, String user, String method, String path, String body, String accept) throws Exception {
    int n = samples;
    long t0 = System.nanoTime();
    HttpResponse<String> last = call(user, method, path, body, accept);
    double first = (System.nanoTime() - t0) / 1e6;
    double[] ms;
    if (first > 5000) {
      ms = new double[] {first}; // very slow (the unindexed baseline): the warm-up call is the one sample
      n = 1;
    } else {
      if (first > 1000) {
        n = Math.min(n, 3);
      } else {
        last = call(user, method, path, body, accept);
      }
      ms = new double[n];
      for (int i = 0; i < n; i++) {
        t0 = System.nanoTime();
        last = call(user, method, path, body, accept);
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    Arrays.sort(ms);
    String row = String.format("RESULT | %s | %s | %.1f | %.1f | %.1f | %d | %d | %d", name, user, pct(ms, 50), pct(ms, 95),
        ms[n - 1], n, last.statusCode(), last.body().length());
    System.out.println(row);
    rows.add(row);
  }

  static double pct(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
  }

  static HttpResponse<String> call(String user, String method, String path, String body, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(300))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", accept);
    if (body != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
