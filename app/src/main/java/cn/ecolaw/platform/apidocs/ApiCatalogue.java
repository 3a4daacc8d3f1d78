package cn.ecolaw.platform.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Chinese description of the application API, kept in one file ({@code apidocs/catalogue.yml}) so that the
 * controllers stay free of documentation annotations: per operation ("GET /api/cases/{caseNo}") its module (tag),
 * summary, description, parameter texts and error codes; per error code its HTTP status and meaning.
 */
public final class ApiCatalogue {

  public static final String RESOURCE = "apidocs/catalogue.yml";

  /** A module of the API: the tag under which Swagger UI groups its operations. */
  public record Tag(String name, String description) {}

  /** One operation, keyed by "METHOD /path" exactly as the handler's mapping. */
  public record Operation(String tag, String summary, String description, Map<String, String> parameters,
      List<String> errors) {}

  /** An error code of the platform: the HTTP status it is answered with and what it means. */
  public record ErrorCode(String code, int status, String meaning) {}

  private final List<Tag> tags;
  private final Map<String, String> parameters;
  private final Map<String, Operation> operations;
  private final Map<String, ErrorCode> errors;

  private ApiCatalogue(List<Tag> tags, Map<String, String> parameters, Map<String, Operation> operations,
      Map<String, ErrorCode> errors) {
    this.tags = tags;
    this.parameters = parameters;
    this.operations = operations;
    this.errors = errors;
  }

  public static ApiCatalogue load() {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      return parse(new Yaml().load(in));
    } catch (IOException e) {
      throw new UncheckedIOException("接口说明目录 " + RESOURCE + " 无法读取", e);
    }
  }

  @SuppressWarnings("unchecked")
  static ApiCatalogue parse(Map<String, Object> yaml) {
    List<Tag> tags = ((List<Map<String, String>>) yaml.get("tags")).stream()
        .map(t -> new Tag(t.get("name"), t.get("description"))).toList();
    Map<String, String> parameters = strings((Map<String, Object>) yaml.get("parameters"));
    Map<String, Operation> operations = new LinkedHashMap<>();
    ((Map<String, Map<String, Object>>) yaml.get("operations")).forEach((key, op) -> operations.put(key,
        new Operation((String) op.get("tag"), (String) op.get("summary"), (String) op.get("description"),
            strings((Map<String, Object>) op.get("parameters")),
            op.get("errors") == null ? List.of() : List.copyOf((List<String>) op.get("errors")))));
    Map<String, ErrorCode> errors = new LinkedHashMap<>();
    ((Map<String, List<Object>>) yaml.get("errors")).forEach((code, e) ->
        errors.put(code, new ErrorCode(code, ((Number) e.get(0)).intValue(), String.valueOf(e.get(1)))));
    return new ApiCatalogue(List.copyOf(tags), parameters, operations, errors);
  }

  private static Map<String, String> strings(Map<String, Object> map) {
    Map<String, String> out = new LinkedHashMap<>();
    if (map != null) {
      map.forEach((k, v) -> out.put(k, String.valueOf(v)));
    }
    return out;
  }

  public List<Tag> tags() {
    return tags;
  }

  public Map<String, Operation> operations() {
    return operations;
  }

  public Optional<Operation> operation(String method, String path) {
    return Optional.ofNullable(operations.get(method + " " + path));
  }

  /** The text of a parameter: the operation's own, else the common one of its name. */
  public Optional<String> parameter(Operation op, String name) {
    return Optional.ofNullable(op.parameters().getOrDefault(name, parameters.get(name)));
  }

  public Map<String, ErrorCode> errors() {
    return errors;
  }

  public ErrorCode error(String code) {
    ErrorCode e = errors.get(code);
    if (e == null) {
      throw new IllegalStateException("接口说明目录 " + RESOURCE + " 的 errors 中没有登记错误码 " + code);
    }
    return e;
  }
}
