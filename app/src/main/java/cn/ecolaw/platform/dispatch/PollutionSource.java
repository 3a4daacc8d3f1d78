package cn.ecolaw.platform.dispatch;

/**
 * A pollution source of the roster (污染源名录, the population of 双随机 draws): the enterprise, its unified social
 * credit code, address, administrative region, the bureau's area (片区) and its location where known.
 */
public record PollutionSource(String sourceId, String name, String creditCode, String legalRepresentative,
    String address, String region, String area, String domain, Double latitude, Double longitude, boolean active) {

  boolean located() {
    return latitude != null && longitude != null;
  }
}
