package cn.ecolaw.platform.audit;

/**
 * The result of recomputing a case's hash chain: {@code checked} entries read; when not valid,
 * {@code firstBrokenSeq} is the first entry that is missing, altered or out of place, and {@code reason} says which.
 */
public record TrailVerification(boolean valid, int checked, Long firstBrokenSeq, String reason) {

  static TrailVerification ok(int checked) {
    return new TrailVerification(true, checked, null, "哈希链完整，共校验 " + checked + " 条记录");
  }

  static TrailVerification broken(int checked, long seq, String reason) {
    return new TrailVerification(false, checked, seq, reason);
  }
}
