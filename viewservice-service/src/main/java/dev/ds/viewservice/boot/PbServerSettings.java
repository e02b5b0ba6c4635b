package dev.ds.viewservice.boot;

import dev.ds.spring.boot.InvalidSettingException;
import java.net.URI;

/**
 * What a primary/backup server needs to know (CONTRACT.md section 1).
 *
 * @param self {@code node.self}: this server's base URL, its identity in views
 * @param viewServiceUrl {@code viewservice.url}: the view service's base URL
 */
record PbServerSettings(String self, String viewServiceUrl) {

    PbServerSettings {
        requireUrl("node.self", self);
        requireUrl("viewservice.url", viewServiceUrl);
        self = stripSlash(self);
        viewServiceUrl = stripSlash(viewServiceUrl);
    }

    private static void requireUrl(String property, String value) {
        InvalidSettingException.require(property, value, "a base URL such as http://127.0.0.1:8001");
        try {
            URI uri = URI.create(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidSettingException(property, value, "must be an http(s) base URL such as http://127.0.0.1:8001");
            }
        } catch (IllegalArgumentException malformed) {
            if (malformed instanceof InvalidSettingException invalid) {
                throw invalid;
            }
            throw new InvalidSettingException(property, value, "not a URL: " + malformed.getMessage());
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
