package cn.ecolaw.platform.search;

import cn.ecolaw.platform.identity.AccessProperties;
import cn.ecolaw.platform.identity.Caller;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search} (every logged-in user; finds only what the user may open) and the rebuild of the index
 * ({@code POST /api/admin/search/reindex}, {@code GET /api/admin/search/reindex}: the administrator only).
 */
@RestController
public class SearchController {

  private final SearchService search;
  private final Reindexer reindexer;
  private final Outbox outbox;
  private final OutboxShipper shipper;
  private final Caller caller;
  private final AccessProperties access;

  public SearchController(SearchService search, Reindexer reindexer, Outbox outbox, OutboxShipper shipper,
      Caller caller, AccessProperties access) {
    this.search = search;
    this.reindexer = reindexer;
    this.outbox = outbox;
    this.shipper = shipper;
    this.caller = caller;
    this.access = access;
  }

  @GetMapping("/api/search")
  public Map<String, Object> search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String domain, @RequestParam(required = false) String region,
      @RequestParam(required = false) String status, @RequestParam(required = false) String process,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
    return search.search(SearchQuery.of(q, domain, region, status, process, from, to, page, size));
  }

  /** Starts a rebuild from the database; {@code fresh=true} drops the index first (after a mapping change). */
  @PostMapping("/api/admin/search/reindex")
  public ResponseEntity<Map<String, Object>> reindex(@RequestParam(defaultValue = "false") String fresh) {
    requireAdmin();
    if (!"true".equals(fresh) && !"false".equals(fresh)) {
      throw PlatformException.badRequest("SEARCH-009", "参数fresh只能是true或false");
    }
    boolean started = reindexer.start(caller.userId(), Boolean.parseBoolean(fresh));
    if (!started) {
      throw PlatformException.conflict("SEARCH-409", "搜索索引正在重建，请等待本次重建完成");
    }
    return ResponseEntity.accepted().body(status());
  }

  @GetMapping("/api/admin/search/reindex")
  public Map<String, Object> reindexProgress() {
    requireAdmin();
    return status();
  }

  private Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>(reindexer.progress().view());
    m.put("outboxPending", outbox.pending());
    m.put("shipperHealthy", shipper.healthy());
    m.put("lastShipped", shipper.lastShipped());
    return m;
  }

  private void requireAdmin() {
    if (!caller.groups().contains(access.adminGroup())) {
      throw new PlatformException(403, "SEARCH-403", "只有系统管理员可以重建或查看搜索索引的重建进度");
    }
  }
}
