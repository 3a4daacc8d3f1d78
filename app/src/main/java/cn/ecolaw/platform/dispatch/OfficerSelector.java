package cn.ecolaw.platform.dispatch;

import cn.ecolaw.platform.shared.PlatformException;
import java.util.Comparator;
import java.util.List;

/**
 * Who goes: two officers (行政处罚法第四十二条: 执法人员不得少于两人), nearest first where the source and the officers
 * have locations (great-circle distance), officers without a location after those with one; where the source has no
 * location, officers of the source's area first. Ties by user id, so that the choice is reproducible.
 */
final class OfficerSelector {

  private static final double EARTH_KM = 6371.0;

  private OfficerSelector() {}

  static List<InspectionOfficer> pair(PollutionSource source, List<InspectionOfficer> officers) {
    if (officers.size() < 2) {
      throw PlatformException.conflict("INS-011", "执法人员名录中在岗执法人员不足两人，无法指派检查任务（行政处罚法第四十二条）");
    }
    Comparator<InspectionOfficer> order = source.located()
        ? Comparator.comparingDouble(o -> o.located() ? km(source, o) : Double.MAX_VALUE)
        : Comparator.comparingInt(o -> o.area().equals(source.area()) ? 0 : 1);
    return officers.stream().sorted(order.thenComparing(InspectionOfficer::userId)).limit(2).toList();
  }

  static double km(PollutionSource s, InspectionOfficer o) {
    double lat1 = Math.toRadians(s.latitude());
    double lat2 = Math.toRadians(o.latitude());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(o.longitude() - s.longitude());
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
