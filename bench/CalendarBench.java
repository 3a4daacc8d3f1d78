import cn.ecolaw.platform.calendar.CalendarDataLoader;
import cn.ecolaw.platform.calendar.WorkingDayCalendar;
import java.time.LocalDate;

/**
 * Times WorkingDayCalendar.addWorkingDays: 1,000,000 calls per round, start dates spread over
 * 2025-01-01..2026-10-31, periods cycling through the statutory 1, 2, 3, 5, 7, 10, 15 and 30 working days.
 * Plain main, no JMH: a few warm-up rounds, then timed rounds; prints ops/s per round and the median.
 */
public final class CalendarBench {

  private static final int CALLS = 1_000_000;
  private static final int[] PERIODS = {1, 2, 3, 5, 7, 10, 15, 30};

  public static void main(String[] args) {
    int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;

    long loadStart = System.nanoTime();
    WorkingDayCalendar calendar =
        new WorkingDayCalendar(new CalendarDataLoader().load(CalendarDataLoader.DEFAULT_LOCATION));
    System.out.printf("loaded holiday data in %.1f ms%n", (System.nanoTime() - loadStart) / 1e6);

    LocalDate first = LocalDate.of(2025, 1, 1);
    int span = (int) (LocalDate.of(2026, 10, 31).toEpochDay() - first.toEpochDay() + 1);
    LocalDate[] starts = new LocalDate[4096];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = first.plusDays((i * 7919L) % span);
    }

    long checksum = 0;
    for (int i = 0; i < warmups; i++) {
      checksum += round(calendar, starts);
    }
    double[] opsPerSecond = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      checksum += round(calendar, starts);
      long elapsed = System.nanoTime() - t0;
      opsPerSecond[r] = CALLS / (elapsed / 1e9);
      System.out.printf("round %2d: %,d addWorkingDays calls in %7.1f ms = %,.0f ops/s%n",
          r + 1, CALLS, elapsed / 1e6, opsPerSecond[r]);
    }
    java.util.Arrays.sort(opsPerSecond);
    System.out.printf("median: %,.0f ops/s  best: %,.0f ops/s  worst: %,.0f ops/s  (checksum %d)%n",
        opsPerSecond[rounds / 2], opsPerSecond[rounds - 1], opsPerSecond[0], checksum);
  }

  private static long round(WorkingDayCalendar calendar, LocalDate[] starts) {
    long sum = 0;
    for (int i = 0; i < CALLS; i++) {
      sum += calendar.addWorkingDays(starts[i & (starts.length - 1)], PERIODS[i & 7]).toEpochDay();
    }
    return sum;
  }
}
