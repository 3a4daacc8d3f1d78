package cn.ecolaw.platform.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The case index in Elasticsearch: created from {@code search/case-index.json} when missing, written in bulk.
 * Every write carries an external version, the time the document's data was read from the database, so that of two
 * shippers writing the same instance the one that read later wins, whatever order their writes arrive in.
 */
@Component
public class CaseIndex {

  public static final String MAPPING = "search/case-index.json";

  private final SearchClient search;
  private volatile boolean ensured;

  public CaseIndex(SearchClient search) {
    this.search = search;
  }

  public String name() {
    return search.properties().index();
  }

  /** The client, or SEARCH-503 when search is not configured. */
  public ElasticsearchClient client() {
    return search.client().orElseThrow(() -> new SearchUnavailableException("未配置搜索服务（platform.search.url）"));
  }

  /** Creates the index with the platform's mapping unless it exists. */
  public void ensure() throws IOException {
    if (ensured) {
      return;
    }
    ElasticsearchClient es = client();
    // a template too: should another writer (an older process, a bulk after a drop) create the index by writing to
    // it, the index still gets the platform's mapping, never a dynamic one
    String template = "{\"index_patterns\":[\"" + name() + "\"],\"priority\":200,\"template\":" + mapping() + "}";
    es.indices().putIndexTemplate(t -> t.name(name() + "-template").withJson(new java.io.StringReader(template)));
    if (!es.indices().exists(e -> e.index(name())).value()) {
      try (InputStream mapping = CaseIndex.class.getClassLoader().getResourceAsStream(MAPPING)) {
        es.indices().create(c -> c.index(name()).withJson(mapping));
      } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
        if (!"resource_already_exists_exception".equals(e.error().type())) {
          throw e;
        }
      }
    } else {
      // an index created before a field was added (discretion.fineRatio): the new fields join its mapping; the
      // documents written before get them at their next change or the next rebuild (scripts/reindex.sh)
      String mappings = mappings();
      es.indices().putMapping(m -> m.index(name()).withJson(new java.io.StringReader(mappings)));
    }
    ensured = true;
  }

  static String mapping() throws IOException {
    try (InputStream in = CaseIndex.class.getClassLoader().getResourceAsStream(MAPPING)) {
      if (in == null) {
        throw new IOException(MAPPING + " missing from the classpath");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** The {@code mappings} object of the platform's mapping. */
  static String mappings() throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(mapping()).get("mappings").toString();
  }

  /** Deletes the index (a rebuild from scratch); the next write creates it again. */
  public void drop() throws IOException {
    ElasticsearchClient es = client();
    if (es.indices().exists(e -> e.index(name())).value()) {
      es.indices().delete(d -> d.index(name()));
    }
    ensured = false;
  }

  /**
   * Writes documents and deletes the documents of instances that no longer exist, all read at {@code readAt}.
   * A version conflict means a newer read is already in the index: not an error.
   */
  public void write(Collection<CaseDocument> documents, Collection<String> deletedIds, Instant readAt)
      throws IOException {
    if (documents.isEmpty() && deletedIds.isEmpty()) {
      return;
    }
    ensure();
    long version = readAt.toEpochMilli();
    BulkRequest.Builder bulk = new BulkRequest.Builder().index(name());
    for (CaseDocument d : documents) {
      bulk.operations(op -> op.index(i -> i.id(d.id()).document(d).version(version)
          .versionType(VersionType.ExternalGte)));
    }
    for (String id : deletedIds) {
      bulk.operations(op -> op.delete(x -> x.id(id).version(version).versionType(VersionType.ExternalGte)));
    }
    BulkResponse response;
    try {
      response = client().bulk(bulk.build());
    } catch (IOException | RuntimeException e) {
      ensured = false; // the node may come back empty (a new cluster): template and index are checked again
      throw e;
    }
    if (!response.errors()) {
      return;
    }
    List<String> failures = new ArrayList<>();
    for (BulkResponseItem item : response.items()) {
      if (item.error() != null && !"version_conflict_engine_exception".equals(item.error().type())
          && !(item.status() == 404)) {
        failures.add(item.id() + ": " + item.error().type() + " " + item.error().reason());
      }
    }
    if (!failures.isEmpty()) {
      throw new UncheckedIOException(new IOException("bulk indexing failed: " + failures));
    }
  }

  /** Makes every write so far searchable now (tests and the end of a rebuild). */
  public void refresh() throws IOException {
    ensure();
    client().indices().refresh(r -> r.index(name()));
  }
}
