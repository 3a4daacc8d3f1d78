package cn.ecolaw.platform.search;

import cn.ecolaw.platform.shared.PlatformException;

/** Elasticsearch is off or cannot be reached: {@code /api/search} answers 503 with SEARCH-503. */
public class SearchUnavailableException extends PlatformException {

  public SearchUnavailableException(String detail) {
    super(503, "SEARCH-503", "案件搜索暂不可用：" + detail + "。案件办理不受影响，搜索服务恢复后索引自动补齐，请稍后再试");
  }
}
