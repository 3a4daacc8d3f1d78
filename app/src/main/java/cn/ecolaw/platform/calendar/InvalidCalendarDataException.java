package cn.ecolaw.platform.calendar;

/** A holiday data file that must not be used: the application refuses to start with it. */
public class InvalidCalendarDataException extends IllegalStateException {

  public InvalidCalendarDataException(String message) {
    super(message);
  }

  public InvalidCalendarDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
