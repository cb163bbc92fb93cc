package org.igf.bpf.api.dashboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser-like HTTP client for the pages: keeps the session cookie, does not follow redirects. */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public WebSession(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form posted as a script posts it (fetch), asking for JSON. */
    public HttpResponse<String> postFetch(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Requested-With", "fetch").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the form on that page. */
    public String csrfToken(String path) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(get(path).body());
        assertThat(token.find()).as("a CSRF token on " + path).isTrue();
        return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }

    /** Signs in through the login form; answers the redirect. */
    public HttpResponse<String> signIn(String user, String password, String next) throws IOException, InterruptedException {
        return postForm("/login", "username=" + user + "&password=" + password + "&_csrf=" + csrfToken("/login")
                + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
    }

    public void signIn(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> signedIn = signIn(user, password, null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
