package cn.ecolaw.platform.dispatch;

import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.workflow.PlatformCall;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three roads into {@code inspection-dispatch} (执法任务指派): an online-monitoring exceedance (超标报警), a complaint
 * (群众举报) and a 双随机 draw from the roster of pollution sources. Each is checked first (a refused one starts
 * nothing), numbered (湖环检〔2026〕N号, the business key) and started as the signed-in user.
 */
@Service
public class Inspections {

  public static final String PROCESS_KEY = "inspection-dispatch";
  static final int MAX_DRAW = 50;

  /** What a start answers: the task's number, instance and the officers it went to. */
  public record Dispatched(String inspectionNo, String processInstanceId, String sourceId, String sourceName,
      String leadInspector, String secondInspector, String inspectionDue) {}

  /** A recorded draw: its seed (the same seed on the same roster draws the same sources and pairs). */
  public record Draw(String drawId, long seed, int requested, String area, List<Dispatched> inspections) {}

  private final RuntimeService runtime;
  private final CaseNumbers numbers;
  private final AgencyProperties agency;
  private final DispatchRoster roster;
  private final InspectionRepository repository;
  private final DispatchOffice office;

  public Inspections(RuntimeService runtime, CaseNumbers numbers, AgencyProperties agency, DispatchRoster roster,
      InspectionRepository repository, DispatchOffice office) {
    this.runtime = runtime;
    this.numbers = numbers;
    this.agency = agency;
    this.roster = roster;
    this.repository = repository;
    this.office = office;
  }

  /**
   * 超标报警: source id, pollutant, measured value, limit, unit and time of measurement. The exceedance ratio
   * ((measured − limit) / limit) goes with the task and, on a finding, into the case.
   */
  public Dispatched alarm(Map<String, Object> body) {
    Map<String, Object> in = body == null ? Map.of() : body;
    PollutionSource source = source(in.get("sourceId"));
    String pollutant = text(in, "pollutant", "污染物", 50, true);
    BigDecimal measured = number(in, "measuredValue", "监测值");
    BigDecimal limit = number(in, "limitValue", "排放限值");
    if (limit.signum() <= 0) {
      throw PlatformException.badRequest("INS-003", "“排放限值”应大于零");
    }
    if (measured.compareTo(limit) <= 0) {
      throw PlatformException.badRequest("INS-004", "监测值" + plain(measured) + "未超过排放限值" + plain(limit)
          + "，不是超标报警");
    }
    String unit = text(in, "unit", "计量单位", 20, false);
    LocalDateTime at = time(in.get("measuredAt"));
    BigDecimal ratio = measured.subtract(limit).divide(limit, 4, RoundingMode.HALF_UP);
    Map<String, Object> v = new HashMap<>();
    v.put("triggerKind", "ALARM");
    v.put("alarmPollutant", pollutant);
    v.put("alarmMeasuredValue", measured.doubleValue());
    v.put("alarmLimitValue", limit.doubleValue());
    v.put("alarmMeasuredAt", at.toString());
    v.put("exceedRatio", ratio.doubleValue());
    String u = unit == null ? "" : unit;
    v.put("triggerDetail", at.getYear() + "年" + at.getMonthValue() + "月" + at.getDayOfMonth() + "日" + at.getHour()
        + "时" + at.getMinute() + "分在线监测" + pollutant + "浓度" + plain(measured) + u + "，排放限值" + plain(limit) + u
        + "，超标" + plain(ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP)) + "%。");
    return start(source, v);
  }

  /** 群众举报 about a source of the roster. */
  public Dispatched complaint(Map<String, Object> body) {
    Map<String, Object> in = body == null ? Map.of() : body;
    PollutionSource source = source(in.get("sourceId"));
    String content = text(in, "complaintContent", "举报内容", 4000, true);
    String complainant = text(in, "complainant", "举报人", 100, false);
    Map<String, Object> v = new HashMap<>();
    v.put("triggerKind", "COMPLAINT");
    v.put("complaintContent", content);
    v.put("triggerDetail", "群众举报" + (complainant == null ? "（匿名）" : "（举报人：" + complainant + "）") + "：" + content);
    return start(source, v);
  }

  /**
   * 双随机: draws {@code count} sources (of an area, or all) and a pair of officers for each, with a seed that is
   * recorded (given, or drawn from a secure source): the same seed on the same rosters draws the same.
   */
  @Transactional
  public Draw draw(Map<String, Object> body, String user) {
    Map<String, Object> in = body == null ? Map.of() : body;
    int count = count(in.get("count"));
    String area = text(in, "area", "片区", 100, false);
    long seed = in.get("seed") == null ? new SecureRandom().nextLong() : seed(in.get("seed"));
    List<PollutionSource> sources = new ArrayList<>(roster.activeSources(area));
    List<InspectionOfficer> officers = new ArrayList<>(roster.activeOfficers(office.unit()));
    if (sources.isEmpty()) {
      throw PlatformException.conflict("INS-010", "污染源名录中" + (area == null ? "" : "片区“" + area + "”") + "没有可抽取的污染源");
    }
    if (officers.size() < 2) {
      throw PlatformException.conflict("INS-011", "执法人员名录中在岗执法人员不足两人，无法指派检查任务（行政处罚法第四十二条）");
    }
    Random random = new Random(seed);
    Collections.shuffle(sources, random);
    Collections.shuffle(officers, random);
    List<PollutionSource> drawn = sources.subList(0, Math.min(count, sources.size()));
    String drawId = UUID.randomUUID().toString();
    List<Dispatched> out = new ArrayList<>();
    StringBuilder pairs = new StringBuilder();
    for (int i = 0; i < drawn.size(); i++) {
      InspectionOfficer lead = officers.get((2 * i) % officers.size());
      InspectionOfficer second = officers.get((2 * i + 1) % officers.size());
      if (lead.userId().equals(second.userId())) {
        second = officers.get((2 * i + 2) % officers.size());
      }
      pairs.append(i == 0 ? "" : ";").append(lead.userId()).append(',').append(second.userId());
      Map<String, Object> v = new HashMap<>();
      v.put("triggerKind", "DRAW");
      v.put("drawId", drawId);
      v.put("drawnLead", lead.userId());
      v.put("drawnSecond", second.userId());
      v.put("triggerDetail", "双随机抽查（随机种子" + seed + "）抽中本单位，由" + lead.name() + "、" + second.name() + "实施检查。");
      out.add(start(drawn.get(i), v));
    }
    repository.draw(drawId, seed, count, area,
        String.join(",", drawn.stream().map(PollutionSource::sourceId).toList()), pairs.toString(), user);
    return new Draw(drawId, seed, count, area, out);
  }

  private Dispatched start(PollutionSource source, Map<String, Object> v) {
    String no = numbers.nextAgencyNo(agency.shortName(), "检", Dates.today().getYear());
    v.put("inspectionNo", no);
    v.put("sourceId", source.sourceId());
    v.put("triggerLabel", InspectionService.TRIGGERS.get(v.get("triggerKind").toString()));
    ProcessInstance pi = PlatformCall.run(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, no, v));
    Map<String, Object> vars = runtime.getVariables(pi.getId());
    return new Dispatched(no, pi.getId(), source.sourceId(), source.name(), (String) vars.get("leadInspector"),
        (String) vars.get("secondInspector"), (String) vars.get("inspectionDue"));
  }

  private PollutionSource source(Object id) {
    if (id == null || id.toString().isBlank()) {
      throw PlatformException.badRequest("INS-001", "“污染源编号”为必填项");
    }
    return roster.source(id.toString().trim()).filter(PollutionSource::active)
        .orElseThrow(() -> PlatformException.badRequest("INS-002", "污染源名录中没有编号为“" + id + "”的在册污染源"));
  }

  private static String text(Map<String, Object> in, String key, String label, int max, boolean required) {
    Object v = in.get(key);
    if (v == null || v.toString().isBlank()) {
      if (required) {
        throw PlatformException.badRequest("INS-001", "“" + label + "”为必填项");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      throw PlatformException.badRequest("INS-006", "“" + label + "”应为文字");
    }
    if (s.length() > max) {
      throw PlatformException.badRequest("INS-006", "“" + label + "”不得超过" + max + "个字");
    }
    return s.trim();
  }

  private static BigDecimal number(Map<String, Object> in, String key, String label) {
    Object v = in.get(key);
    if (v == null || v.toString().isBlank()) {
      throw PlatformException.badRequest("INS-001", "“" + label + "”为必填项");
    }
    try {
      BigDecimal d = v instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(v.toString().trim());
      if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
        throw PlatformException.badRequest("INS-003", "“" + label + "”应在0至10亿之间");
      }
      return d;
    } catch (NumberFormatException e) {
      throw PlatformException.badRequest("INS-003", "“" + label + "”应为数字");
    }
  }

  private static LocalDateTime time(Object v) {
    if (v == null || v.toString().isBlank()) {
      throw PlatformException.badRequest("INS-001", "“监测时间”为必填项");
    }
    LocalDateTime at;
    try {
      String s = v.toString().trim();
      at = s.matches(".*([+-]\\d{2}:\\d{2}|Z)$")
          ? OffsetDateTime.parse(s).atZoneSameInstant(Dates.ZONE).toLocalDateTime()
          : LocalDateTime.parse(s);
    } catch (DateTimeParseException e) {
      throw PlatformException.badRequest("INS-005", "“监测时间”格式不正确，应如 2026-11-29T02:15:00");
    }
    if (at.isAfter(LocalDateTime.now(Dates.ZONE).plusMinutes(5))) {
      throw PlatformException.badRequest("INS-005", "“监测时间”不得晚于当前时间");
    }
    if (at.isBefore(LocalDateTime.now(Dates.ZONE).minusDays(30))) {
      throw PlatformException.badRequest("INS-005", "“监测时间”早于三十日前，不作为实时超标报警处理");
    }
    return at;
  }

  private static int count(Object v) {
    try {
      int n = v instanceof Number num ? num.intValue() : Integer.parseInt(String.valueOf(v).trim());
      if (n < 1 || n > MAX_DRAW) {
        throw PlatformException.badRequest("INS-007", "抽取数量应在1至" + MAX_DRAW + "之间");
      }
      if (v instanceof Number num && num.doubleValue() != n) {
        throw PlatformException.badRequest("INS-007", "抽取数量应为整数");
      }
      return n;
    } catch (NumberFormatException e) {
      throw PlatformException.badRequest("INS-007", "抽取数量应为1至" + MAX_DRAW + "之间的整数");
    }
  }

  private static long seed(Object v) {
    try {
      if (v instanceof Number n && n.doubleValue() == n.longValue()) {
        return n.longValue();
      }
      return Long.parseLong(v.toString().trim());
    } catch (NumberFormatException e) {
      throw PlatformException.badRequest("INS-008", "随机种子应为整数");
    }
  }

  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  /** Reads a recorded draw back (for the record and for tests of reproducibility). */
  public Map<String, Object> drawRecord(String drawId) {
    return repository.drawRecord(drawId);
  }
}
