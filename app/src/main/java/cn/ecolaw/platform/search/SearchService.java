package cn.ecolaw.platform.search;

import cn.ecolaw.platform.enforcement.Vocabulary;
import cn.ecolaw.platform.identity.CaseAccess;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Case search: full text in Chinese over party names, facts, notes and document text, filters and facets, and the
 * caller's units as a filter inside the query itself (a user finds only what they may open).
 *
 * <p>Ranking: a hit must contain every character of the query (the {@code *.char} fields, AND); bigram matches score
 * (the {@code zh} analysis) and the exact phrase scores most, in the party name above the facts above the documents.
 */
@Service
public class SearchService {

  /** The facets answered with every search: field → label map (null: the key is its own label). */
  static final Map<String, Map<String, String>> FACETS = facets();

  private static final String NO_UNIT = "\u0000none";

  private final CaseIndex index;
  private final CaseAccess access;

  public SearchService(CaseIndex index, CaseAccess access) {
    this.index = index;
    this.access = access;
  }

  /**
   * The filter that limits a query to what the caller may open: none for the administrator and engine-internal work,
   * else the caller's units (nothing at all for a user who handles no unit's cases). Analytics use it too.
   */
  public Optional<Query> visibility() {
    Optional<Set<String>> units = access.restriction();
    if (units.isEmpty()) {
      return Optional.empty();
    }
    List<FieldValue> values = new ArrayList<>();
    units.get().forEach(u -> values.add(FieldValue.of(u)));
    if (values.isEmpty()) {
      values.add(FieldValue.of(NO_UNIT));
    }
    return Optional.of(Query.of(q -> q.terms(t -> t.field("units").terms(v -> v.value(values)))));
  }

  public Map<String, Object> search(SearchQuery query) {
    try {
      index.ensure();
      return answer(query, index.client().search(request(query), CaseDocument.class));
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new SearchUnavailableException("无法连接搜索服务");
    } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
      if (e.status() >= 500 || e.status() == 429) {
        throw new SearchUnavailableException("搜索服务繁忙或出错（" + e.status() + "）");
      }
      throw e;
    }
  }

  /** The Elasticsearch request of a search (visibility filter included). */
  SearchRequest request(SearchQuery query) {
    Query filtered = Query.of(q -> q.bool(b -> {
      visibility().ifPresent(b::filter);
      if (query.domain() != null) {
        b.filter(f -> f.term(t -> t.field("domain").value(query.domain())));
      }
      if (query.status() != null) {
        b.filter(f -> f.term(t -> t.field("status").value(query.status())));
      }
      if (query.process() != null) {
        b.filter(f -> f.term(t -> t.field("process").value(query.process())));
      }
      if (query.region() != null) {
        b.filter(f -> f.bool(r -> r.should(s -> s.prefix(p -> p.field("region").value(query.region())))
            .should(s -> s.term(t -> t.field("city").value(query.region())))
            .should(s -> s.term(t -> t.field("county").value(query.region())))
            .minimumShouldMatch("1")));
      }
      if (query.from() != null || query.to() != null) {
        b.filter(f -> f.range(r -> r.date(d -> {
          d.field("filedAt").timeZone("Asia/Shanghai");
          if (query.from() != null) {
            d.gte(query.from().toString());
          }
          if (query.to() != null) {
            d.lt(query.to().plusDays(1).toString());
          }
          return d;
        })));
      }
      if (query.q() != null) {
        text(b, query.q());
      }
      return b;
    }));
    return SearchRequest.of(s -> {
        s.index(index.name()).query(filtered).from((query.page() - 1) * query.size()).size(query.size())
            .trackTotalHits(t -> t.enabled(true))
            .source(src -> src.filter(f -> f.excludes("documentsText", "facts", "notes", "deadlines",
                "discretion")));
        if (query.q() == null) {
          s.sort(o -> o.field(f -> f.field("filedAt").order(SortOrder.Desc)));
        } else {
          s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
              .sort(o -> o.field(f -> f.field("filedAt").order(SortOrder.Desc)));
          s.highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
              .fragmentSize(60).numberOfFragments(2).requireFieldMatch(false)
              .fields("partyName.zh", f -> f.numberOfFragments(0))
              .fields("facts.zh", f -> f)
              .fields("notes", f -> f)
              .fields("documentsText.zh", f -> f));
        }
        FACETS.keySet().forEach(field -> s.aggregations(field, a -> a.terms(t -> t.field(field).size(30))));
        return s;
      });
  }

  private static void text(BoolQuery.Builder b, String q) {
    b.must(m -> m.bool(any -> any
        .should(s -> s.term(t -> t.field("caseNo").value(q).boost(20f)))
        .should(s -> s.term(t -> t.field("partyCreditCode").value(q.toLowerCase()).boost(20f)))
        .should(s -> s.match(x -> x.field("partyName.char").query(q).operator(Operator.And)))
        .should(s -> s.match(x -> x.field("facts.char").query(q).operator(Operator.And)))
        .should(s -> s.match(x -> x.field("documentsText.char").query(q).operator(Operator.And)))
        .should(s -> s.match(x -> x.field("notes").query(q).operator(Operator.And)))
        .minimumShouldMatch("1")));
    b.should(s -> s.matchPhrase(x -> x.field("partyName.char").query(q).boost(8f)));
    b.should(s -> s.match(x -> x.field("partyName.zh").query(q).boost(4f)));
    b.should(s -> s.matchPhrase(x -> x.field("facts.char").query(q).boost(6f)));
    b.should(s -> s.match(x -> x.field("facts.zh").query(q).boost(2f)));
    b.should(s -> s.matchPhrase(x -> x.field("documentsText.char").query(q).boost(2f)));
    b.should(s -> s.match(x -> x.field("documentsText.zh").query(q)));
  }

  private static Map<String, Object> answer(SearchQuery query, SearchResponse<CaseDocument> response) {
    List<Map<String, Object>> hits = new ArrayList<>();
    for (Hit<CaseDocument> hit : response.hits().hits()) {
      CaseDocument d = hit.source();
      if (d == null) {
        continue;
      }
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("caseNo", d.caseNo());
      h.put("partyName", d.partyName());
      h.put("process", d.process());
      h.put("processLabel", d.processLabel());
      h.put("processInstanceId", d.processInstanceId());
      h.put("status", d.status());
      h.put("statusLabel", d.statusLabel());
      h.put("region", d.region());
      h.put("domain", d.domain());
      h.put("domainLabel", d.domainLabel());
      h.put("violationTypeLabel", d.violationTypeLabel());
      h.put("currentStep", d.currentStep());
      h.put("outcomeLabel", d.outcomeLabel());
      h.put("fine", d.fine());
      h.put("filedAt", d.filedAt());
      h.put("score", hit.score());
      List<String> fragments = new ArrayList<>();
      hit.highlight().values().forEach(fragments::addAll);
      h.put("highlight", fragments);
      hits.add(h);
    }
    Map<String, Object> facets = new LinkedHashMap<>();
    FACETS.forEach((field, labels) -> {
      Aggregate a = response.aggregations().get(field);
      List<Map<String, Object>> buckets = new ArrayList<>();
      if (a != null && a.isSterms()) {
        for (StringTermsBucket bucket : a.sterms().buckets().array()) {
          String key = bucket.key().stringValue();
          Map<String, Object> fb = new LinkedHashMap<>();
          fb.put("key", key);
          fb.put("label", labels == null ? key : labels.getOrDefault(key, key));
          fb.put("count", bucket.docCount());
          buckets.add(fb);
        }
      }
      facets.put(field, buckets);
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", response.hits().total() == null ? hits.size() : response.hits().total().value());
    out.put("page", query.page());
    out.put("size", query.size());
    out.put("hits", hits);
    out.put("facets", facets);
    return out;
  }

  private static Map<String, Map<String, String>> facets() {
    Map<String, Map<String, String>> f = new LinkedHashMap<>();
    f.put("domain", Vocabulary.DOMAINS);
    f.put("process", CaseDocuments.PROCESS_LABELS);
    f.put("status", statusLabels());
    f.put("city", null);
    f.put("county", null);
    f.put("month", null);
    return f;
  }

  private static Map<String, String> statusLabels() {
    Map<String, String> m = new LinkedHashMap<>();
    for (cn.ecolaw.platform.cases.CaseStatus s : cn.ecolaw.platform.cases.CaseStatus.values()) {
      m.put(s.name(), s.label());
    }
    m.put("ACTIVE", "办理中");
    m.put("COMPLETED", "已办结");
    m.put("TERMINATED", "已终止");
    return m;
  }
}
