package cn.ecolaw.platform.filecheck;

/**
 * One problem the machine found in a case file: the item of the review scoring sheet it falls under ({@code item},
 * e.g. {@code SER-02}; {@code VETO-04} for a veto item), a Chinese title and detail, the severity ({@code VETO}: the
 * item fails the whole file; {@code DEDUCT}: points are taken off) and the points a reviewer would usually take off.
 * {@code check} names the machine check that found it (stable, for statistics).
 */
public record Finding(String check, String item, String title, String detail, String severity,
    double suggestedPoints) {

  public static final String VETO = "VETO";
  public static final String DEDUCT = "DEDUCT";

  static Finding of(String check, String item, String title, String detail, double points) {
    return new Finding(check, item, title, detail, item.startsWith("VETO-") ? VETO : DEDUCT,
        item.startsWith("VETO-") ? 0 : points);
  }

  /** 一票否决 / 扣分. */
  public String severityLabel() {
    return VETO.equals(severity) ? "一票否决" : "扣分";
  }
}
