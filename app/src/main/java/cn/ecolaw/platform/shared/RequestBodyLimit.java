package cn.ecolaw.platform.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body has a size limit at every door ({@code /api}, {@code /engine-rest}, the webapps' {@code /camunda/api}):
 * {@code platform.request.max-body-size} (default 5 MB) for JSON and every other body, and
 * {@code platform.request.max-multipart-size} (default 25 MB: a 20 MB file and its form) for an upload. Beyond it the
 * request answers 413 {@value #CODE} with a Chinese message before anything reads it. Without the limit the engine's
 * REST API read any JSON whole: one user's 100 MB task query ({@code {"taskIdIn": ["ab", …]}}) ran the node out of
 * heap for two minutes and answered 500. A body without a length (chunked) is read up to the limit first.
 */
@Configuration(proxyBeanMethods = false)
public class RequestBodyLimit {

  public static final String CODE = "REQ-413";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> requestBodyLimitFilter(
      @Value("${platform.request.max-body-size:5MB}") DataSize body,
      @Value("${platform.request.max-multipart-size:25MB}") DataSize multipart) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Check(body.toBytes(), multipart.toBytes()));
    registration.setName("request-body-limit");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  static final class Check extends OncePerRequestFilter {

    /** A refused body up to this size is read and dropped, so that the client, still sending, reads the answer. */
    private static final long DRAIN_UP_TO = 128L * 1024 * 1024;

    private final long bodyLimit;
    private final long multipartLimit;

    Check(long bodyLimit, long multipartLimit) {
      this.bodyLimit = bodyLimit;
      this.multipartLimit = multipartLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String type = request.getContentType();
      boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
      long limit = multipart ? multipartLimit : bodyLimit;
      long length = request.getContentLengthLong();
      if (length > limit) {
        refuse(request, response, limit, length <= DRAIN_UP_TO);
        return;
      }
      if (length >= 0 || !chunked(request)) {
        chain.doFilter(request, response);
        return;
      }
      // no length given: read it up to the limit, then hand the bytes on
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      try (InputStream in = request.getInputStream()) {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
          read.write(buffer, 0, n);
          if (read.size() > limit) {
            refuse(request, response, limit, true);
            return;
          }
        }
      }
      chain.doFilter(new ReadBody(request, read.toByteArray()), response);
    }

    private static boolean chunked(HttpServletRequest request) {
      String encoding = request.getHeader("Transfer-Encoding");
      return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit, boolean drain)
        throws IOException {
      if (drain) {
        try (InputStream in = request.getInputStream()) {
          byte[] buffer = new byte[65536];
          long total = 0;
          int n;
          while (total < DRAIN_UP_TO && (n = in.read(buffer)) > 0) {
            total += n;
          }
        } catch (IOException gone) {
          // the client stopped sending: answer anyway
        }
      }
      response.setHeader("Connection", "close");
      RefusalBodies.write(request, response, 413, "RequestTooLarge", CODE,
          "请求内容过大：每次请求至多 " + DataSize.ofBytes(limit).toMegabytes() + " MB，请求未作处理");
    }
  }

  /** The request with its body already read. */
  static final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
