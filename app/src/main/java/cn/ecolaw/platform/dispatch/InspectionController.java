package cn.ecolaw.platform.dispatch;

import cn.ecolaw.platform.shared.Dates;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 执法任务指派: 超标报警 ({@code POST /api/alarms}), complaints, 双随机 draws, photos of an inspection and the
 * supervisors' summary.
 */
@RestController
public class InspectionController {

  private final Inspections inspections;
  private final InspectionPhotos photos;
  private final InspectionRepository repository;
  private final DispatchRoster roster;
  private final DispatchOffice office;
  private final IdentityService identity;

  public InspectionController(Inspections inspections, InspectionPhotos photos, InspectionRepository repository,
      DispatchRoster roster, DispatchOffice office, IdentityService identity) {
    this.inspections = inspections;
    this.photos = photos;
    this.repository = repository;
    this.roster = roster;
    this.office = office;
    this.identity = identity;
  }

  @PostMapping("/api/alarms")
  @ResponseStatus(HttpStatus.CREATED)
  public Inspections.Dispatched alarm(@RequestBody(required = false) Map<String, Object> body) {
    office.mayReportAlarms();
    return inspections.alarm(body);
  }

  @PostMapping("/api/inspections/complaints")
  @ResponseStatus(HttpStatus.CREATED)
  public Inspections.Dispatched complaint(@RequestBody(required = false) Map<String, Object> body) {
    office.mayRegisterComplaints();
    return inspections.complaint(body);
  }

  @PostMapping("/api/inspections/draws")
  @ResponseStatus(HttpStatus.CREATED)
  public Inspections.Draw draw(@RequestBody(required = false) Map<String, Object> body, Principal user) {
    office.mayDraw();
    return inspections.draw(body, user == null ? "system" : user.getName());
  }

  /** The raw image as the body ({@code Content-Type: image/jpeg} or {@code image/png}), its file name in {@code name}. */
  @PostMapping("/api/inspections/{inspectionNo}/photos")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> photo(@PathVariable String inspectionNo,
      @RequestParam(name = "name", required = false) String name, HttpServletRequest request) throws IOException {
    office.mayAddPhotos();
    return photos.add(inspectionNo, request.getContentType(), name, request.getInputStream());
  }

  @GetMapping("/api/inspections/summary")
  public Map<String, Object> summary() {
    office.mayReadSummary();
    Map<String, String> names = new HashMap<>();
    roster.activeOfficers(office.unit()).forEach(o -> names.put(o.userId(), o.name()));
    identity.createGroupQuery().groupType("UNIT").list().forEach(g -> names.put(g.getId(), g.getName()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("asOf", Dates.now().toInstant().toString());
    out.putAll(repository.summary(Instant.now(), names));
    return out;
  }
}
