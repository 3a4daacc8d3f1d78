package cn.ecolaw.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Values as the trail writes them: engine variables from their stored columns, details as JSON, China time. */
final class TrailValues {

  private static final ObjectMapper JSON = new ObjectMapper()
      .findAndRegisterModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static final int MAX_TEXT = 2000;

  private TrailValues() {}

  static LocalDateTime now() {
    return LocalDateTime.ofInstant(Instant.now(), cn.ecolaw.platform.shared.Dates.ZONE).truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * A variable value from the columns Camunda stores it in, without deserialising objects: text, numbers,
   * booleans and dates as themselves, anything else as {@code [type]}.
   */
  static Object variable(String serializer, String text, Long number, Double decimal) {
    if (serializer == null || serializer.equals("null")) {
      return null;
    }
    return switch (serializer) {
      case "string" -> text == null ? null : abbreviate(text);
      case "boolean" -> number == null ? null : number != 0;
      case "integer", "long", "short" -> number;
      case "double" -> decimal;
      case "date" -> number == null ? null
          : LocalDateTime.ofInstant(Instant.ofEpochMilli(number), cn.ecolaw.platform.shared.Dates.ZONE).toString();
      default -> "[" + serializer + "]";
    };
  }

  static String json(Map<String, ?> detail) {
    if (detail == null || detail.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("trail detail is not serialisable", e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
  }
}
