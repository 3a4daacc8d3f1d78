package cn.ecolaw.platform.shared;

/** The JSON body of every refused {@code /api} request. */
public record ApiError(String code, String message) {}
