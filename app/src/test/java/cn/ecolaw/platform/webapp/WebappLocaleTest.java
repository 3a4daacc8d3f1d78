package cn.ecolaw.platform.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Chinese locale of the Camunda webapps: every key of the webjar's English locale is translated, placeholders
 * survive the translation, and Spring Boot serves our files instead of the webjar's.
 */
class WebappLocaleTest {

  private static final String WEBJAR_APPS = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|\\{}");
  private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
  private static final Pattern LATIN = Pattern.compile("[A-Za-z]");
  private static final Pattern MARKUP = Pattern.compile("\\{\\{[^}]*}}|<[^>]*>|&[a-z]+;");
  /** Technical tokens that read the same in Chinese software. */
  private static final Set<String> UNTRANSLATED_ON_PURPOSE =
      Set.of("ID", "ID*", "CSV", "JSON", "null", "Optimize", "YYYY-MM-DDTHH:mm:ss");

  private static final Map<String, List<String>> IMPORTANT_KEYS = Map.of(
      "tasklist", List.of("CLAIM_TASK", "UNCLAIM_TASK", "COMPLETE", "DELEGATE_TASK", "ALL_TASKS", "START_PROCESS",
          "PAGE_LOGIN_SIGN_IN_ACTION", "PAGE_LOGIN_USERNAME", "PAGE_LOGIN_PASSWORD", "ASSIGNEE", "DUE_DATE",
          "CANDIDATE_GROUP", "PROCESS_INSTANCE", "CAM_WIDGET_HEADER_SIGN_OUT", "SAVE"),
      "cockpit", List.of("COCKPIT_PROCESSES", "COCKPIT_DECISIONS", "COCKPIT_DEPLOYMENTS", "COCKPIT_HUMAN_TASKS",
          "DASHBOARD_OPEN_INCIDENTS", "DASHBOARD_RUNNING_PROCESS_INSTANCE", "PLGN_HIST_INCIDENTS",
          "PLUGIN_JOBS", "PLGN_MIG_MIGRATION", "PAGE_LOGIN_SIGN_IN_ACTION"),
      "admin", List.of("AUTHORIZATION_AUTHORIZATIONS", "AUTHORIZATION_TENANT", "GROUPS_LIST_OF_GROUPS", "USERS_LIST_USERS",
          "GROUPS_CREATE_NEW", "TENANTS_LIST_TENANTS", "SYSTEM_SYSTEM_SETTINGS", "PAGE_LOGIN_SIGN_IN_ACTION"),
      "welcome", List.of("APPLICATIONS", "TASKLIST", "COCKPIT", "ADMIN", "PROFILE", "CHANGE_PASSWORD",
          "PAGE_LOGIN_SIGN_IN_ACTION"));

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseLocaleHasEveryKeyOfTheEnglishOne(String app) throws IOException {
    JsonNode english = englishLocale(app);
    JsonNode chinese = chineseLocale(app);

    assertThat(keys(chinese.get("labels"))).isEqualTo(keys(english.get("labels")));
    assertThat(keys(chinese)).isEqualTo(keys(english));
    if (english.has("dateLocales")) {
      assertThat(keys(chinese.get("dateLocales"))).isEqualTo(keys(english.get("dateLocales")));
      assertThat(keys(chinese.get("dateLocales").get("calendar")))
          .isEqualTo(keys(english.get("dateLocales").get("calendar")));
      assertThat(keys(chinese.get("dateLocales").get("relativeTime")))
          .isEqualTo(keys(english.get("dateLocales").get("relativeTime")));
      assertThat(chinese.get("dateLocales").get("months")).hasSize(12);
      assertThat(chinese.get("dateLocales").get("weekdays")).hasSize(7);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void translationKeepsEveryPlaceholderOfTheEnglishText(String app) throws IOException {
    JsonNode english = englishLocale(app).get("labels");
    JsonNode chinese = chineseLocale(app).get("labels");

    List<String> broken = new ArrayList<>();
    english.fields().forEachRemaining(entry -> {
      String translated = chinese.path(entry.getKey()).asText();
      if (!placeholders(entry.getValue().asText()).equals(placeholders(translated))) {
        broken.add(entry.getKey() + ": " + translated);
      }
    });
    assertThat(broken).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void noTextIsLeftInEnglish(String app) throws IOException {
    JsonNode chinese = chineseLocale(app).get("labels");

    List<String> english = new ArrayList<>();
    chinese.fields().forEachRemaining(entry -> {
      String value = entry.getValue().asText();
      String text = MARKUP.matcher(value).replaceAll("");
      boolean latinOnly = LATIN.matcher(text).find() && !CJK.matcher(text).find();
      if (latinOnly && !UNTRANSLATED_ON_PURPOSE.contains(value)) {
        english.add(entry.getKey() + ": " + value);
      }
    });
    assertThat(english).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void importantKeysAreInChinese(String app) throws IOException {
    JsonNode chinese = chineseLocale(app).get("labels");

    for (String key : IMPORTANT_KEYS.get(app)) {
      assertThat(chinese.path(key).asText()).as(app + " " + key).containsPattern(CJK);
    }
  }

  @Test
  void coreTermsAreTranslatedConsistently() throws IOException {
    JsonNode tasklist = chineseLocale("tasklist").get("labels");
    JsonNode cockpit = chineseLocale("cockpit").get("labels");

    assertThat(tasklist.get("CLAIM_TASK").asText()).isEqualTo("认领");
    assertThat(tasklist.get("COMPLETE").asText()).isEqualTo("完成");
    assertThat(tasklist.get("PROCESS_INSTANCE").asText()).isEqualTo("流程实例");
    assertThat(cockpit.get("DASHBOARD_OPEN_INCIDENTS").asText()).contains("异常事件");
    assertThat(cockpit.get("PLGN_HIST_INCIDENTS").asText()).isEqualTo("异常事件");
    assertThat(cockpit.get("COCKPIT_DEPLOYMENTS").asText()).isEqualTo("部署");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersChineseOnlyWhateverTheBrowserAsks(String app) throws IOException {
    String config = classpathText(WEBJAR_APPS + app + "/scripts/config.js");

    assertThat(config).startsWith("/*").contains("export default {");
    assertThat(config).contains("availableLocales: ['zh-CN'],").doesNotContain("availableLocales: ['zh-CN', 'en']");
    assertThat(config).contains("fallbackLocale: 'zh-CN'");
    assertThat(config).contains("vendor: '生态环境案件平台'");
  }

  /** Camunda's red "time to migrate" banner (.ce-eol-banner) is hidden unless the user may open the Admin app. */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void migrationBannerIsShownToAdministratorsOnly(String app) throws IOException {
    String config = classpathText(WEBJAR_APPS + app + "/scripts/config.js");
    String script = classpathText(WEBJAR_APPS + "platform/platform-webapp.js");
    String styles = classpathText(WEBJAR_APPS + app + "/styles/user-styles.css");

    assertThat(config).contains("customScripts: ['../platform/platform-webapp']");
    assertThat(styles).contains(".ce-eol-banner { display: none !important; }")
        .contains("body.platform-admin .ce-eol-banner { display: block !important; }");
    assertThat(script).contains("authorizedApps").contains("'platform-admin'").contains("export default");
  }

  @Nested
  @SpringBootTest(
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {
          "spring.datasource.url=jdbc:h2:mem:webapp-locale;DB_CLOSE_DELAY=-1",
          "platform.demo.enabled=false"
      })
  class Served {

    @LocalServerPort
    int port;

    @Test
    void tasklistServesTheChineseLocale() throws Exception {
      HttpResponse<String> response = get("/camunda/app/tasklist/locales/zh-CN.json");

      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode locale = JSON.readTree(response.body());
      assertThat(locale.at("/labels/CLAIM_TASK").asText()).isEqualTo("认领");
      assertThat(locale.at("/labels/PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("登录");
    }

    @Test
    void cockpitServesOurConfigInsteadOfTheWebjars() throws Exception {
      HttpResponse<String> response = get("/camunda/app/cockpit/scripts/config.js");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("fallbackLocale: 'zh-CN'").contains("流程监控");
    }

    /**
     * The platform's webapp script has one source, app/platform/platform-webapp.js, served once; each webapp's config
     * names it relative to the app ({@code ../platform/platform-webapp}), and Camunda loads it from
     * {@code <app-root>/app/<app>/../platform/platform-webapp.js}, which resolves to that one address.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyWebappLoadsTheOnePlatformScript(String app) throws Exception {
      HttpResponse<String> config = get("/camunda/app/" + app + "/scripts/config.js");
      assertThat(config.body()).contains("customScripts: ['../platform/platform-webapp']");
      String loaded = URI.create("http://localhost:" + port + "/camunda/app/" + app + "/")
          .resolve("../platform/platform-webapp.js").getPath();
      assertThat(loaded).isEqualTo("/camunda/app/platform/platform-webapp.js");

      HttpResponse<String> script = get(loaded);
      assertThat(script.statusCode()).isEqualTo(200);
      assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
      assertThat(script.body()).contains("markAdministrator").contains("export default");
      assertThat(java.nio.file.Path.of("src/main/resources", WEBJAR_APPS, app, "scripts/platform-webapp.js"))
          .as("no copy in %s", app).doesNotExist();
    }

    @Test
    void englishLocaleStillComesFromTheWebjar() throws Exception {
      HttpResponse<String> response = get("/camunda/app/admin/locales/en.json");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"Authorizations\"");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
  }

  private static JsonNode englishLocale(String app) throws IOException {
    return JSON.readTree(classpathText(WEBJAR_APPS + app + "/locales/en.json"));
  }

  private static JsonNode chineseLocale(String app) throws IOException {
    return JSON.readTree(classpathText(WEBJAR_APPS + app + "/locales/zh-CN.json"));
  }

  private static String classpathText(String path) throws IOException {
    URL resource = WebappLocaleTest.class.getClassLoader().getResource(path);
    assertThat(resource).as(path).isNotNull();
    try (InputStream in = resource.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> keys = new TreeSet<>();
    Iterator<String> names = node.fieldNames();
    names.forEachRemaining(keys::add);
    return keys;
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1) == null ? "{}" : matcher.group(1));
    }
    found.sort(String::compareTo);
    return found;
  }
}
