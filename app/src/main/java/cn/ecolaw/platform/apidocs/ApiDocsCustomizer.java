package cn.ecolaw.platform.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Writes the {@link ApiCatalogue} into the document springdoc derives from the controllers: the modules as tags,
 * each operation's Chinese summary, description and parameter texts, and its refusals grouped by HTTP status, each
 * listing its codes with their meaning and an example body ({@code {"code", "message"}}, schema {@code ApiError}).
 * The refusals every operation shares (login, throttling, anti-forgery token, the case a path names, malformed
 * parameters or JSON) are added here by rule, not repeated in the catalogue.
 */
class ApiDocsCustomizer implements OpenApiCustomizer {

  static final String ERROR_SCHEMA = "ApiError";
  /** Shown for an operation missing from the catalogue (ApiDocsTest fails on it). */
  static final String UNCATALOGUED = "未登记";

  private final ApiCatalogue catalogue;

  ApiDocsCustomizer(ApiCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public void customise(OpenAPI api) {
    api.setTags(new ArrayList<>(catalogue.tags().stream()
        .map(t -> new Tag().name(t.name()).description(t.description())).toList()));
    api.getComponents().addSchemas(ERROR_SCHEMA, errorSchema());
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths().forEach((path, item) -> item.readOperationsMap()
        .forEach((method, operation) -> describe(method.name(), path, operation)));
  }

  private void describe(String method, String path, Operation operation) {
    var entry = catalogue.operation(method, path);
    if (entry.isEmpty()) {
      operation.setTags(List.of(UNCATALOGUED));
      operation.setSummary(null);
      return;
    }
    ApiCatalogue.Operation op = entry.get();
    operation.setTags(List.of(op.tag()));
    operation.setSummary(op.summary());
    operation.setDescription(op.description());
    if (operation.getParameters() != null) {
      for (Parameter p : operation.getParameters()) {
        catalogue.parameter(op, p.getName()).ifPresent(p::setDescription);
      }
    }
    operation.setResponses(responses(operation.getResponses(), errorCodes(method, path, operation, op)));
  }

  /** The operation's own codes and the shared ones that apply to it. */
  static List<String> errorCodes(String method, String path, Operation operation, ApiCatalogue.Operation op) {
    Set<String> codes = new LinkedHashSet<>(List.of("AUTH-001", "AUTH-002", "AUTH-006", "REQ-005", "REQ-006",
        "REQ-007"));
    boolean write = !"GET".equals(method) && !"HEAD".equals(method);
    if (write) {
      codes.add("AUTH-007");
      codes.add("REQ-409");
    }
    if (path.contains("{caseNo}")) {
      codes.add("AUTH-003");
      codes.add("CASE-404");
    }
    List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
    if (parameters.stream().anyMatch(p -> "query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired()))) {
      codes.add("REQ-001");
    }
    if (parameters.stream().anyMatch(p -> !isText(p.getSchema()))) {
      codes.add("REQ-002");
    }
    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
        && operation.getRequestBody().getContent().containsKey("application/json")) {
      codes.add("REQ-003");
    }
    codes.addAll(op.errors());
    return List.copyOf(codes);
  }

  /** A text parameter cannot be of the wrong format (REQ-002); OpenAPI 3.1 schemas name their type in "types". */
  private static boolean isText(Schema<?> schema) {
    if (schema == null) {
      return true;
    }
    if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
      return schema.getTypes().contains("string");
    }
    return schema.getType() == null || "string".equals(schema.getType());
  }

  private ApiResponses responses(ApiResponses generated, List<String> codes) {
    ApiResponses out = new ApiResponses();
    if (generated != null) {
      generated.forEach((status, response) -> {
        if (status.startsWith("2")) {
          response.setDescription(success(status));
          out.addApiResponse(status, response);
        }
      });
    }
    Map<Integer, List<ApiCatalogue.ErrorCode>> byStatus = new TreeMap<>();
    codes.stream().map(catalogue::error).forEach(e -> byStatus.computeIfAbsent(e.status(), s -> new ArrayList<>()).add(e));
    byStatus.forEach((status, errors) -> out.addApiResponse(String.valueOf(status), refusal(status, errors)));
    return out;
  }

  private static String success(String status) {
    return switch (status) {
      case "201" -> "已创建";
      case "202" -> "已受理";
      case "204" -> "成功（无内容）";
      default -> "成功";
    };
  }

  private static ApiResponse refusal(int status, List<ApiCatalogue.ErrorCode> errors) {
    StringBuilder text = new StringBuilder(title(status)).append("，错误码：\n");
    MediaType json = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA));
    Map<String, io.swagger.v3.oas.models.examples.Example> examples = new LinkedHashMap<>();
    for (ApiCatalogue.ErrorCode e : errors) {
      text.append("\n- `").append(e.code()).append("` ").append(e.meaning());
      examples.put(e.code(), new io.swagger.v3.oas.models.examples.Example().summary(e.code() + " " + e.meaning())
          .value(Map.of("code", e.code(), "message", e.meaning())));
    }
    json.setExamples(examples);
    return new ApiResponse().description(text.toString()).content(new Content().addMediaType("application/json", json));
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "请求被拒绝（输入不正确，未作任何更改）";
      case 401 -> "未登录或用户名、密码错误";
      case 403 -> "无权办理";
      case 404 -> "对象不存在";
      case 409 -> "与现有状态冲突（已办理或他人正在办理，未作任何更改）";
      case 422 -> "未通过检查，未作任何更改";
      case 429 -> "请求过于频繁，请按 Retry-After 等待";
      case 503 -> "依赖的服务暂不可用";
      default -> status >= 500 ? "服务器内部错误" : "请求被拒绝";
    };
  }

  private static Schema<?> errorSchema() {
    return new ObjectSchema().description("拒绝请求时的答复体（/api 的所有 4xx、5xx 答复）")
        .addProperty("code", new StringSchema().description("错误码，如 CASE-001（稳定不变，可供程序判断）").example("CASE-001"))
        .addProperty("message", new StringSchema().description("给用户看的中文说明，常带有案号、字段名等细节")
            .example("案号格式不正确，应如：湖环罚〔2026〕12号"))
        .required(List.of("code", "message"));
  }
}
