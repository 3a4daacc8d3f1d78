package cn.ecolaw.platform.enforcement;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Checks a party's identifier by its check digit: the 18-character unified social credit code of an organisation
 * (GB 32100-2015) or the 18-digit citizen ID number (GB 11643-1999, ISO 7064 MOD 11-2).
 */
public final class PartyIds {

  private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECKS = "10X98765432";
  private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
      .withResolverStyle(ResolverStyle.STRICT);

  private PartyIds() {}

  public static boolean isUnifiedSocialCreditCode(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = USCC_CHARS.indexOf(code.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * USCC_WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return USCC_CHARS.charAt(check) == code.charAt(17);
  }

  public static boolean isCitizenId(String id) {
    if (id == null || !id.matches("\\d{17}[\\dX]")) {
      return false;
    }
    try {
      LocalDate birth = LocalDate.parse(id.substring(6, 14), BIRTH);
      if (birth.isBefore(LocalDate.of(1900, 1, 1)) || birth.isAfter(LocalDate.now())) {
        return false;
      }
    } catch (DateTimeParseException e) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return ID_CHECKS.charAt(sum % 11) == id.charAt(17);
  }

  /** Completes a 17-character code body with its check character (used for demo and test data). */
  public static String withUsccCheck(String body17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += USCC_CHARS.indexOf(body17.charAt(i)) * USCC_WEIGHTS[i];
    }
    return body17 + USCC_CHARS.charAt((31 - sum % 31) % 31);
  }

  /** Completes a 17-digit ID body with its check character (used for demo and test data). */
  public static String withIdCheck(String body17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body17.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return body17 + ID_CHECKS.charAt(sum % 11);
  }
}
