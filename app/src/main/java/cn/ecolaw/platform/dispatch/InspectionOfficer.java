package cn.ecolaw.platform.dispatch;

/** An enforcement officer of the roster: platform user, name, certificate (执法证号), area and usual location. */
public record InspectionOfficer(String userId, String name, String unit, String certNo, String area, Double latitude,
    Double longitude, boolean active) {

  boolean located() {
    return latitude != null && longitude != null;
  }
}
