package cn.ecolaw.platform.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The fields of a Camunda Form (form-js schema), flattened out of groups. */
public record FormSchema(String id, List<Field> fields) {

  public record Field(
      String key,
      String label,
      String type,
      String subtype,
      boolean required,
      Integer maxLength,
      Double min,
      Double max,
      List<String> values) {

    public boolean booleanChoice() {
      return values != null && !values.isEmpty()
          && values.stream().allMatch(v -> v.equals("true") || v.equals("false"));
    }
  }

  public static FormSchema parse(JsonNode form) {
    List<Field> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return new FormSchema(form.path("id").asText(), List.copyOf(fields));
  }

  private static void collect(JsonNode components, List<Field> out) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        collect(c.get("components"), out);
      }
      if (!c.hasNonNull("key")) {
        continue;
      }
      JsonNode validate = c.path("validate");
      List<String> values = null;
      if (c.has("values")) {
        values = new ArrayList<>();
        for (JsonNode v : c.get("values")) {
          values.add(v.path("value").asText());
        }
      }
      out.add(new Field(
          c.get("key").asText(),
          c.path("label").asText(c.path("dateLabel").asText(c.get("key").asText())),
          c.path("type").asText(),
          c.path("subtype").asText(null),
          validate.path("required").asBoolean(false),
          validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
          validate.has("min") ? validate.get("min").asDouble() : null,
          validate.has("max") ? validate.get("max").asDouble() : null,
          values));
    }
  }
}
