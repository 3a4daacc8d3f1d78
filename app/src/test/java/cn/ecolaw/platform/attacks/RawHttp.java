package cn.ecolaw.platform.attacks;

import cn.ecolaw.platform.support.Logins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand, for what a well-behaved client refuses to send: a lone {@code %}, an encoded slash or
 * NUL, a request line or header beyond the server's limits. One request per connection ({@code Connection: close}).
 */
final class RawHttp {

  record Answer(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        return MissingNode.getInstance();
      }
    }
  }

  private RawHttp() {}

  static Answer send(int port, String method, String target, String user, String extraHeaders) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port
          + "\r\nAccept: application/json\r\nConnection: close\r\n");
      if (user != null) {
        head.append("Authorization: ").append(Logins.basic(user)).append("\r\n");
      }
      if (extraHeaders != null) {
        head.append(extraHeaders);
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String headers = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      int status = Integer.parseInt(headers.substring(9, 12));
      String type = headers.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
          .map(l -> l.substring(13).trim()).findFirst().orElse("");
      if (headers.toLowerCase().contains("transfer-encoding: chunked")) {
        body = unchunk(body);
      }
      return new Answer(status, type, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    int i = 0;
    while (i < bytes.length) {
      int eol = indexOf(bytes, i);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(new String(bytes, i, eol - i, StandardCharsets.US_ASCII).trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(new String(bytes, eol + 2, size, StandardCharsets.UTF_8));
      i = eol + 2 + size + 2;
    }
    return out.toString();
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
